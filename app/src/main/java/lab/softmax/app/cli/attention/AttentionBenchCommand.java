package lab.softmax.app.cli.attention;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.attention.AttentionBench;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.VectorSupport;
import lab.softmax.engine.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times one head's full fp32 forward (Q K^T, softmax rows through the Kernels lab's vector",
                "kernel, A V) against the engine's own two matrix products of the same shapes alone, alternated",
                "round by round after one warm-up round; prints medians with their min and max, the ratio",
                "forward / products, the median of each round's own ratio, and the calling thread's CPU time",
                "(all of the work with --threads 1; a busy machine's waits left out).",
                "Compare with NumPy: benchmarks/numpy/attention_forward.py N D ROUNDS."})
public final class AttentionBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--n", defaultValue = "4096", description = "Queries = keys (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--dim", defaultValue = "64", description = "Head dimension d_h = d_v (default: ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--threads", defaultValue = "1", description = "Threads, the caller's included (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--algorithm", defaultValue = "two-pass", description = "two-pass or online (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Mixin JsonDocumentOption json;

    @Override
    public Integer call() {
        Algorithm alg = Options.parse(() -> Algorithm.parse(algorithm), "--algorithm");
        if (alg != Algorithm.TWO_PASS && alg != Algorithm.ONLINE) {
            throw new InputException("", "--algorithm", alg.id() + " (expected two-pass or online)");
        }
        if ((long) n * n > (1L << 28)) throw new InputException("", "--n", n + " needs an n × n map of more than 2^28 floats");
        AttentionBench.Result r = Options.config(() -> AttentionBench.run(n, dim, threads, rounds, alg, Cancellation.none()), java.util.Map.of("dh", "--dim"));
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            ObjectNode o = JsonOutput.object();
            o.put("n", r.n());
            o.put("dim", r.dh());
            o.put("threads", r.threads());
            o.put("rounds", r.rounds());
            o.put("algorithm", r.algorithm().id());
            o.put("vector", VectorSupport.describe());
            o.put("forward_ms_median", r.forwardNs() / 1e6);
            o.put("forward_ms_min", r.forwardMinNs() / 1e6);
            o.put("forward_ms_max", r.forwardMaxNs() / 1e6);
            o.put("products_ms_median", r.productsNs() / 1e6);
            o.put("products_ms_min", r.productsMinNs() / 1e6);
            o.put("products_ms_max", r.productsMaxNs() / 1e6);
            o.put("forward_over_products", r.ratio());
            o.put("forward_over_products_paired_median", r.pairedRatio());
            o.put("forward_cpu_ms_median", r.forwardCpuNs() / 1e6);
            o.put("products_cpu_ms_median", r.productsCpuNs() / 1e6);
            o.put("forward_over_products_cpu", r.cpuRatio());
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "n = %d, d = %d, %d thread(s), %s, %s%n", r.n(), r.dh(), r.threads(), r.algorithm().id(),
                    VectorSupport.describe());
            out.printf(Locale.ROOT, "forward   median %8.1f ms  [%.1f .. %.1f]%n", r.forwardNs() / 1e6, r.forwardMinNs() / 1e6,
                    r.forwardMaxNs() / 1e6);
            out.printf(Locale.ROOT, "products  median %8.1f ms  [%.1f .. %.1f]%n", r.productsNs() / 1e6, r.productsMinNs() / 1e6,
                    r.productsMaxNs() / 1e6);
            out.printf(Locale.ROOT, "forward / products = %.3f (median of the rounds' own ratios %.3f)%n", r.ratio(), r.pairedRatio());
            out.printf(Locale.ROOT, "calling thread's CPU time: forward %.1f ms, products %.1f ms, ratio %.3f%s%n",
                    r.forwardCpuNs() / 1e6, r.productsCpuNs() / 1e6, r.cpuRatio(), r.threads() == 1 ? "" : " (its share only)");
        }
        return Cli.OK;
    }
}
