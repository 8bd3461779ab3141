package lab.softmax.app.cli.kernels;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchConfig;
import lab.softmax.engine.kernels.BenchPool;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.HostCpu;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.KernelBench;
import lab.softmax.engine.kernels.MachineInfo;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Kernel throughput: every algorithm × impl × size, checked against fp64 first, then timed.",
                "Times are medians over rounds run round-robin (order rotated), in ns per element; one thread is timed "
                        + "with thread CPU time, several with wall-clock time. gbps counts the algorithm's minimum bytes "
                        + "(16, 20, 12, 12 B/element for recompute, reload, two-pass, online).",
                "Sizes take K (×1024) and M (×1024²) suffixes. The machine section measures read/copy/triad bandwidth "
                        + "with a Java STREAM-like probe (--probe-size 0 skips it).",
                "The default run (all sizes, scalar included) takes a few minutes; scalar at 64M alone takes ~10 s per algorithm."})
public final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--algorithms", defaultValue = "three-pass-recompute,three-pass-reload,two-pass,online",
            description = "Comma-separated algorithms (default: all four)")
    String algorithms;

    @Option(names = "--impls", defaultValue = "vector,scalar", description = "vector, scalar or both (default: ${DEFAULT-VALUE})")
    String impls;

    @Option(names = "--sizes", defaultValue = "1K,16K,256K,4M,64M", description = "Vector lengths (default: ${DEFAULT-VALUE})")
    String sizes;

    @Option(names = "--threads", defaultValue = "1", description = "Threads per kernel call (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--seconds", defaultValue = "0.5",
            description = "Timing budget per kernel and size, after warm-up; at least 3 rounds are always timed. "
                    + "Below 0.16 the warm-up is shortened (for tests) and vector times may include interpreted code (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the normal(0,1) logits with outliers ×20 (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--probe-size", defaultValue = "16M", description = "Floats per array of the bandwidth probe; 0 skips it (default: ${DEFAULT-VALUE})")
    String probeSize;

    @Option(names = "--wall-clock", description = "Time one thread with the wall clock as well (default: thread CPU time), "
            + "to compare with --threads 2 in the same run.")
    boolean wallClock;

    @Option(names = "--json", description = "Print one JSON document at the end.")
    boolean json;

    @Option(names = "--stream", description = "With --json: print each result as a JSON line as it is measured, then the machine line.")
    boolean stream;

    @Override
    public Integer call() {
        List<Algorithm> algs = new ArrayList<>();
        for (String a : split(algorithms, "--algorithms")) algs.add(Options.parse(() -> Algorithm.parse(a), "--algorithms"));
        List<Impl> implList = new ArrayList<>();
        for (String i : split(impls, "--impls")) implList.add(Options.parse(() -> Impl.parse(i), "--impls"));
        List<Integer> sizeList = new ArrayList<>();
        for (String s : split(sizes, "--sizes")) sizeList.add(size(s, "--sizes"));
        int probe = probeSize.trim().equals("0") ? 0 : size(probeSize, "--probe-size");
        wallClockUsed = wallClock || threads > 1;
        BenchConfig config = config(algs, implList, sizeList);
        PrintWriter out = spec.commandLine().getOut();
        Cancellation cancellation = Cancellation.none();
        MachineInfo machine = probe > 0 ? MachineInfo.measure(probe, 5, cancellation) : null;
        if (!json) printMachine(out, machine);
        try (BenchPool pool = BenchPool.forThreads(threads, "bench-worker")) {
            List<BenchResult> results = new KernelBench(pool.executor(), wallClock).run(config, Progress.NONE, cancellation, r -> {
                if (json && stream) JsonOutput.printLine(out, resultJson(r, machine));
                else if (!json) printRow(out, r, machine);
            });
            if (json && stream) {
                ObjectNode last = JsonOutput.object();
                last.set("machine", machineJson(machine));
                last.put("done", true);
                JsonOutput.printLine(out, last);
            } else if (json) {
                ObjectNode doc = JsonOutput.object();
                doc.set("machine", machineJson(machine));
                ArrayNode list = doc.putArray("results");
                for (BenchResult r : results) list.add(resultJson(r, machine));
                JsonOutput.print(out, doc);
            }
        }
        return Cli.OK;
    }

    /** The most the probe saw: the floor is what the memory system allows at that rate. */
    static double bestBandwidth(MachineInfo m) {
        if (m == null) return Double.NaN;
        return Math.max(m.bandwidth().readGbps(), Math.max(m.bandwidth().copyGbps(), m.bandwidth().triadGbps()));
    }

    private boolean wallClockUsed;

    ObjectNode machineJson(MachineInfo m) {
        ObjectNode o = JsonOutput.object();
        o.put("cores", Runtime.getRuntime().availableProcessors());
        o.put("vector_bits", lab.softmax.engine.kernels.VectorSupport.vectorBits());
        o.put("vector_isa", HostCpu.javaVectorIsa());
        o.put("cpu", HostCpu.model());
        ObjectNode bw = o.putObject("bandwidth_gbps");
        bw.put("read", m == null ? Double.NaN : m.bandwidth().readGbps());
        bw.put("copy", m == null ? Double.NaN : m.bandwidth().copyGbps());
        bw.put("triad", m == null ? Double.NaN : m.bandwidth().triadGbps());
        o.put("probe_n", m == null ? 0 : m.bandwidth().n());
        o.put("clock", wallClockUsed ? "wall" : "thread-cpu");
        o.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        // A shared machine: the 1-minute load average says how contended these numbers are.
        o.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return o;
    }

    static ObjectNode resultJson(BenchResult r, MachineInfo m) {
        ObjectNode o = JsonOutput.object();
        o.put("algorithm", r.algorithm().id());
        o.put("impl", r.impl().id());
        o.put("n", r.n());
        o.put("threads", r.threads());
        o.put("ns_per_element", r.nsPerElement());
        o.put("gbps", r.gbps());
        o.put("max_rel_error", r.maxRelError());
        o.put("ns_min", r.nsMin());
        o.put("ns_max", r.nsMax());
        o.put("rounds", r.rounds());
        o.put("bytes_per_element", r.bytesPerElement());
        o.put("floor_ns_per_element", r.floorNsPerElement(bestBandwidth(m)));
        o.put("vector_bits", r.vectorBits());
        o.put("valid", r.valid());
        if (!r.note().isEmpty()) o.put("note", r.note());
        return o;
    }

    private static void printMachine(PrintWriter out, MachineInfo m) {
        out.printf(Locale.ROOT, "%s, cores %d (load average %.1f), vectors %d bits (%s)%s%n", HostCpu.model(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                lab.softmax.engine.kernels.VectorSupport.vectorBits(), HostCpu.javaVectorIsa(),
                m == null ? "" : String.format(Locale.ROOT, ", bandwidth (1 thread, %d floats) read %.1f, copy %.1f, triad %.1f GB/s",
                        m.bandwidth().n(), m.bandwidth().readGbps(), m.bandwidth().copyGbps(), m.bandwidth().triadGbps()));
        out.printf(Locale.ROOT, "%-21s %-6s %9s %3s %9s %19s %7s %8s %9s  %s%n", "algorithm", "impl", "n", "thr",
                "ns/elem", "(min..max)", "GB/s", "×floor", "max rel", "");
    }

    private static void printRow(PrintWriter out, BenchResult r, MachineInfo m) {
        out.printf(Locale.ROOT, "%-21s %-6s %9d %3d %9.4f %19s %7.1f %8.2f %9.2e  %s%n", r.algorithm().id(), r.impl().id(),
                r.n(), r.threads(), r.nsPerElement(), String.format(Locale.ROOT, "(%.4f..%.4f)", r.nsMin(), r.nsMax()),
                r.gbps(), r.nsPerElement() / r.floorNsPerElement(bestBandwidth(m)), r.maxRelError(), r.note());
        out.flush();
    }

    private static List<String> split(String list, String option) {
        List<String> parts = new ArrayList<>();
        for (String s : list.split(",")) if (!s.isBlank()) parts.add(s.trim());
        if (parts.isEmpty()) throw new InputException("", option, "empty list");
        return parts;
    }

    /** "16K" = 16384, "4M" = 4·1024², or a plain integer. */
    static int size(String text, String option) {
        return BenchConfig.parseSize(text, option, BenchConfig.MAX_SIZE);
    }

    /** BenchConfig says "threads: 0 is outside 1..256"; the user typed --threads, so name that. */
    private BenchConfig config(List<Algorithm> algs, List<Impl> implList, List<Integer> sizeList) {
        return Options.config(() -> new BenchConfig(algs, implList, sizeList, threads, seconds, seed));
    }

}
