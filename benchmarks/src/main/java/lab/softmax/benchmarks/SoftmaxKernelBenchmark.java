package lab.softmax.benchmarks;

import java.util.concurrent.TimeUnit;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchInputs;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.Kernels;
import lab.softmax.engine.kernels.SoftmaxKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One softmax kernel on one row of n floats (single thread). Score is ns per call: divide by n for
 * ns/element. Run with {@code -prof gc}: a few hundred bytes per call (the row state this per-call API allocates),
 * nothing that grows with n, else C2 left vectors boxed. {@link RowSoftmaxBenchmark} times short rows through the
 * zero-allocation row API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SoftmaxKernelBenchmark {
    @Param({"three-pass-recompute", "three-pass-reload", "two-pass", "online"})
    public String algorithm;

    @Param({"vector"})
    public String impl;

    @Param({"16384", "262144", "4194304", "67108864"})
    public int n;

    private SoftmaxKernel kernel;
    private float[] x;
    private float[] y;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = Kernels.create(Algorithm.parse(algorithm), Impl.parse(impl));
        if (kernel.impl() != Impl.parse(impl)) throw new IllegalStateException("Vector API unavailable: got " + kernel.impl());
        x = BenchInputs.normalWithOutliers(n, 42);
        y = new float[n];
    }

    @Benchmark
    public double softmax() {
        return kernel.softmax(x, y, 0, n);
    }
}
