package lab.softmax.benchmarks;

import java.util.concurrent.TimeUnit;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.BenchInputs;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.RowSoftmax;
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
 * Short rows as attention runs them: {@code rows} rows of n floats back to back, one {@link RowSoftmax} call per
 * row (single thread). Score is ns per row. Run with {@code -prof gc}: gc.alloc.rate.norm is bytes per
 * operation (per row) and must be ≈ 0 for every kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RowSoftmaxBenchmark {
    private static final int ROWS = 64;

    @Param({"three-pass-recompute", "three-pass-reload", "two-pass", "online"})
    public String algorithm;

    @Param({"vector", "scalar"})
    public String impl;

    @Param({"128", "1024"})
    public int n;

    private RowSoftmax rows;
    private float[] x;
    private float[] y;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        rows = RowSoftmax.of(Algorithm.parse(algorithm), Impl.parse(impl));
        if (rows.impl() != Impl.parse(impl)) throw new IllegalStateException("Vector API unavailable: got " + rows.impl());
        x = BenchInputs.normalWithOutliers(ROWS * n, 42);
        y = new float[ROWS * n];
    }

    @Benchmark
    public double row() {
        int from = next * n;
        next = next + 1 == ROWS ? 0 : next + 1;
        return rows.softmax(x, y, from, from + n);
    }
}
