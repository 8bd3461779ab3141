package lab.softmax.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchConfig;
import lab.softmax.engine.kernels.BenchInputs;
import lab.softmax.engine.kernels.HostCpu;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.Kernels;
import lab.softmax.engine.kernels.SoftmaxKernel;
import lab.softmax.engine.kernels.VectorSupport;

/**
 * The Vector API kernels paired with the C yardstick ({@code benchmarks/c/softmax_simd.c} built as a shared
 * library) in one process, on the same arrays, alternating Java and C every ~2 ms.
 *
 * <p>Why: on this shared VM whole processes run "fast" or "slow" by 20–30 %, so Java and C timed in separate
 * processes cannot resolve a 10 % difference. Paired samples see the same machine state; the median of the
 * per-pair ratios C time / Java time (= Java throughput / C throughput) is stable to about ±0.05 between runs.
 *
 * <p>Usage (see benchmarks/paired.sh, which builds the library and pins the run):
 * {@code PairedWithC --library PATH [--algorithms a,b,..] [--sizes 16K,256K] [--samples 21] [--warmup-seconds 3]}.
 * Prints one JSON line per (algorithm, n); times are ns per element.
 */
public final class PairedWithC {
    private static final long SAMPLE_NANOS = 2_000_000;

    private final MethodHandle cRun;
    private final MethodHandle cFind;
    /** The vector ISA the C library was built for (AVX-512 or AVX2). */
    private final String cIsa;

    private PairedWithC(Path library) {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(library, Arena.global());
        // critical(true) lets C read and write the Java heap arrays directly, as a JNI critical section would
        cRun = linker.downcallHandle(lib.find("softmax_c_run").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.critical(true));
        cFind = linker.downcallHandle(lib.find("softmax_c_find").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        try {
            MethodHandle isa = linker.downcallHandle(lib.find("softmax_c_isa").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS));
            MethodHandle supported = linker.downcallHandle(lib.find("softmax_c_supported").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            cIsa = ((MemorySegment) isa.invokeExact()).reinterpret(64).getString(0);
            if ((int) supported.invokeExact() == 0) {
                throw new IllegalStateException("the C library was built for " + cIsa + ", which this CPU lacks: rebuild it here");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Throwable {
        PairedArguments a = PairedArguments.parse(args);
        if (!Files.isRegularFile(a.library())) {
            System.err.println("paired: shared library not found: " + a.library() + " (build it with benchmarks/paired.sh)");
            System.exit(2);
        }
        PairedWithC paired = new PairedWithC(a.library());
        // the host first: every ratio below is Java at this width against C at the C library's width
        System.out.printf(Locale.ROOT, "{\"cpu\":\"%s\",\"java_isa\":\"%s\",\"java_vector_bits\":%d,\"c_isa\":\"%s\","
                        + "\"load_average\":%.1f}%n", HostCpu.model().replace("\"", "'"), HostCpu.javaVectorIsa(),
                VectorSupport.vectorBits(), paired.cIsa,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int n : a.sizes()) {
            float[] x = BenchInputs.normalWithOutliers(n, 42);
            for (Algorithm algorithm : a.algorithms()) {
                System.out.println(paired.measure(algorithm, x, a.samples(), a.warmupNanos()));
                System.out.flush();
            }
        }
    }

    private int cIndex(Algorithm algorithm) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            int index = (int) cFind.invokeExact(arena.allocateFrom(algorithm.id()));
            if (index < 0) throw new IllegalStateException("the C library has no algorithm " + algorithm.id());
            return index;
        }
    }

    private String measure(Algorithm algorithm, float[] x, int samples, long warmupNanos) throws Throwable {
        int n = x.length;
        SoftmaxKernel kernel = Kernels.create(algorithm, Impl.VECTOR);
        if (kernel.impl() != Impl.VECTOR) throw new IllegalStateException("Vector API unavailable: got " + kernel.impl());
        int c = cIndex(algorithm);
        float[] yJava = new float[n];
        float[] yC = new float[n];
        MemorySegment xs = MemorySegment.ofArray(x);
        MemorySegment ys = MemorySegment.ofArray(yC);

        long warmEnd = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warmEnd) {
            kernel.softmax(x, yJava, 0, n);
            runC(c, xs, ys, n);
        }
        double maxRelDiff = maxRelativeDifference(yJava, yC);

        int reps = (int) Math.max(1, SAMPLE_NANOS / n);   // ~1 ns per element: ~2 ms per side
        double[] javaNs = new double[samples];
        double[] cNs = new double[samples];
        double[] ratio = new double[samples];
        for (int s = 0; s < samples; s++) {
            // alternate which side goes first so that neither always runs right after the other
            boolean javaFirst = (s & 1) == 0;
            double first = javaFirst ? timeJava(kernel, x, yJava, reps) : timeC(c, xs, ys, n, reps);
            double second = javaFirst ? timeC(c, xs, ys, n, reps) : timeJava(kernel, x, yJava, reps);
            javaNs[s] = (javaFirst ? first : second) / reps / n;
            cNs[s] = (javaFirst ? second : first) / reps / n;
            ratio[s] = cNs[s] / javaNs[s];
        }
        Arrays.sort(javaNs);
        Arrays.sort(cNs);
        Arrays.sort(ratio);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT,
                "{\"algorithm\":\"%s\",\"n\":%d,\"samples\":%d,\"reps_per_sample\":%d,"
                        + "\"java_ns_per_element\":%.4f,\"c_ns_per_element\":%.4f,"
                        + "\"java_over_c_throughput\":%.3f,\"ratio_q1\":%.3f,\"ratio_q3\":%.3f,"
                        + "\"max_rel_diff_java_c\":%.3g,\"load_average\":%.2f}",
                algorithm.id(), n, samples, reps, median(javaNs), median(cNs), median(ratio),
                quantile(ratio, 0.25), quantile(ratio, 0.75), maxRelDiff, load);
    }

    private static double timeJava(SoftmaxKernel kernel, float[] x, float[] y, int reps) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) kernel.softmax(x, y, 0, x.length);
        return System.nanoTime() - t0;
    }

    private double timeC(int c, MemorySegment xs, MemorySegment ys, int n, int reps) throws Throwable {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) runC(c, xs, ys, n);
        return System.nanoTime() - t0;
    }

    private void runC(int c, MemorySegment xs, MemorySegment ys, int n) throws Throwable {
        int rc = (int) cRun.invokeExact(c, xs, ys, (long) n);
        if (rc != 0) throw new IllegalStateException("C softmax failed with code " + rc);
    }

    /** Largest |java − c| / c over outputs c ≥ 1e-30 (both kernels agree with fp64 to ~3e-7). */
    private static double maxRelativeDifference(float[] java, float[] c) {
        double worst = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 1e-30f) worst = Math.max(worst, Math.abs((double) java[i] - c[i]) / c[i]);
        }
        return worst;
    }

    private static double median(double[] sorted) {
        return quantile(sorted, 0.5);
    }

    /** Linear interpolation between order statistics of a sorted array. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The command line of {@link PairedWithC}. */
    record PairedArguments(Path library, List<Algorithm> algorithms, int[] sizes, int samples, long warmupNanos) {
        static PairedArguments parse(String[] args) {
            Path library = null;
            List<Algorithm> algorithms = Arrays.asList(Algorithm.values());
            int[] sizes = {16384, 262144};
            int samples = 21;
            double warmupSeconds = 3;
            for (int i = 0; i < args.length; i++) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + args[i]);
                String value = args[++i];
                switch (args[i - 1]) {
                    case "--library" -> library = Path.of(value);
                    case "--algorithms" -> {
                        algorithms = new ArrayList<>();
                        for (String name : value.split(",")) algorithms.add(Algorithm.parse(name));
                    }
                    case "--sizes" -> sizes = Arrays.stream(value.split(",")).mapToInt(t -> BenchConfig.parseSize(t, "--sizes", Integer.MAX_VALUE - 8)).toArray();
                    case "--samples" -> samples = positive("--samples", Integer.parseInt(value));
                    case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]
                            + " (expected --library, --algorithms, --sizes, --samples, --warmup-seconds)");
                }
            }
            if (library == null) throw new IllegalArgumentException("--library PATH (the shared C yardstick) is required");
            return new PairedArguments(library, algorithms, sizes, samples, (long) (warmupSeconds * 1e9));
        }

        private static int positive(String option, int value) {
            if (value < 1) throw new IllegalArgumentException(option + " must be ≥ 1, got " + value);
            return value;
        }
    }
}
