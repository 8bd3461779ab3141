package lab.softmax.app.cli.ghosts;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonDocumentOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.ghosts.Ghosts;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.numeric.SplitMix64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "ghosts-bench", mixinStandardHelpOptions = true,
        description = {"Times the Ghosts zero finder: rho_star and every zero within M*rho_a for random sums with K terms "
                + "(logits ~ spread*N(0,1), direction ~ N(0,1)), after a warm-up. Single-threaded wall time per analysis.",
                "Every timed result is checked first: rho* >= rho_a and no zero inside the strip |Im t| < rho_a."})
public final class GhostsBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--k", defaultValue = "1000", description = "Terms per sum, 2..10000 (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--zeros-within", defaultValue = "3", description = "M in |t| <= M*rho_a, 0..1000 (default: ${DEFAULT-VALUE})")
    double within;

    @Option(names = "--spread", defaultValue = "2", description = "Logit standard deviation, 0..1000 (default: ${DEFAULT-VALUE})")
    double spread;

    @Option(names = "--cases", defaultValue = "40", description = "Random sums timed (default: ${DEFAULT-VALUE})")
    int cases;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed analyses first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random sums (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin JsonDocumentOption json;

    /** Largest K: one analysis of 10^4 terms takes a second already. */
    static final int MAX_K = 10_000;
    /** Largest logit spread: from ~3e4 on the zeros of some random sums lie beyond where the zero finder searches. */
    static final double MAX_SPREAD = 1e3;

    @Override
    public Integer call() {
        if (k < 2 || k > MAX_K) throw new InputException("", "--k", "must be in 2.." + MAX_K + ", got " + k);
        if (cases < 1 || cases > 1_000_000) throw new InputException("", "--cases", "must be in 1..1000000, got " + cases);
        if (warmup < 0) throw new InputException("", "--warmup", "must be >= 0, got " + warmup);
        if (!(spread >= 0 && spread <= MAX_SPREAD)) {
            throw new InputException("", "--spread", "must be a number in [0, " + MAX_SPREAD + "], got " + spread);
        }
        if (!(within >= 0 && within <= Ghosts.MAX_WITHIN)) {
            throw new InputException("", "--zeros-within", within + " is outside 0.." + (int) Ghosts.MAX_WITHIN);
        }
        SplitMix64 rng = new SplitMix64(seed);
        for (int i = 0; i < warmup; i++) analyse(rng);
        double[] ms = new double[cases];
        double[] cpu = new double[cases];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int zeros = 0;
        for (int i = 0; i < cases; i++) {
            double[][] input = randomSum(rng);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            GhostsResult r = Ghosts.analyse(input[0], input[1], within);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            if (!(r.rhoStar() >= r.rhoA() * (1 - 1e-12))) throw new IllegalStateException("rho* < rho_a in case " + i);
            zeros += r.zeros().size();
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[cases / 2];
        double p90 = sorted[Math.min(cases - 1, (int) Math.ceil(0.9 * cases) - 1)];
        double max = sorted[cases - 1];
        double[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        double cpuMedian = cpuSorted[cases / 2];
        double cpuMax = cpuSorted[cases - 1];
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            ObjectNode o = JsonOutput.object();
            o.put("k", k);
            o.put("zeros_within", within);
            o.put("spread", spread);
            o.put("cases", cases);
            o.put("median_ms", median);
            o.put("p90_ms", p90);
            o.put("max_ms", max);
            o.put("cpu_median_ms", cpuMedian);
            o.put("cpu_max_ms", cpuMax);
            o.put("mean_zeros_listed", (double) zeros / cases);
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "K=%d, zeros within %s rho_a, logit spread %s: wall median %.2f ms, p90 %.2f ms, max %.2f ms; "
                    + "CPU median %.2f ms, max %.2f ms; %d cases (%.2f zeros listed on average)%n", k, within, spread, median, p90, max,
                    cpuMedian, cpuMax, cases, (double) zeros / cases);
        }
        return Cli.OK;
    }

    private void analyse(SplitMix64 rng) {
        double[][] input = randomSum(rng);
        Ghosts.analyse(input[0], input[1], within);
    }

    private double[][] randomSum(SplitMix64 rng) {
        double[] z = new double[k];
        double[] a = new double[k];
        for (int i = 0; i < k; i++) {
            z[i] = spread * rng.nextGaussian();
            a[i] = rng.nextGaussian();
        }
        return new double[][] {z, a};
    }
}
