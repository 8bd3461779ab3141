package lab.softmax.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import lab.softmax.engine.nn.Matmul;
import lab.softmax.engine.nn.Workers;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The products of one paper-size grokking epoch (N = 5107 samples, hidden 200, 113 classes padded
 * to 120, as the engine pads them to whole vectors), one per benchmark method, on {@code threads} threads. Score is ms per
 * product; GFLOP/s = 2 m n k / score. Half of the activations are exact zeros, as after a ReLU.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBenchmark {
    private static final int N = 5107;
    private static final int H = 200;
    private static final int C = 120;

    @Param({"1", "2"})
    public int threads;

    private float[] act;
    private float[] logitGrad;
    private float[] hiddenGrad;
    private float[] w2;
    private float[] w3;
    private float[] w3t;
    private float[] out;
    private float[] dw;
    private float[] bias;
    private Workers workers;
    private float[] packScratch;

    @Setup(Level.Trial)
    public void setUp() {
        // JMH runs setup, benchmark and teardown on the same thread, the one that dispatches to the team
        workers = Workers.of(threads).open();
        packScratch = new float[Matmul.sharedPackSize(N, H)];   // as the MLP keeps one in its workspace
        Random rnd = new Random(1);
        act = random(N * H, rnd, 0.5);
        logitGrad = random(N * C, rnd, 0);
        hiddenGrad = random(N * H, rnd, 0.5);
        w2 = random(H * H, rnd, 0);
        w3 = random(H * C, rnd, 0);
        w3t = random(C * H, rnd, 0);
        out = new float[N * H];
        dw = new float[H * H];
        bias = new float[H];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workers.close();
    }

    private static float[] random(int n, Random rnd, double zeros) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = rnd.nextDouble() < zeros ? 0f : (float) rnd.nextGaussian();
        return a;
    }

    /** Layer 2 forward with its ReLU: 5107 x 200 x 200. */
    @Benchmark
    public float forwardHidden() {
        Matmul.multiplyBiasRelu(act, H, w2, H, out, H, bias, true, N, H, 200, workers);
        return out[7];
    }

    /** Layer 3 forward (logits): 5107 x 120 x 200. */
    @Benchmark
    public float forwardLogits() {
        Matmul.multiplyBiasRelu(act, H, w3, C, out, C, null, false, N, C, 200, workers);
        return out[7];
    }

    /** Weight gradient of layer 3: 200 x 120, reduction over the 5107 samples. */
    @Benchmark
    public float weightGradLogits() {
        Matmul.multiply(act, 0, 1, H, logitGrad, 0, C, dw, C, H, C, N, workers, packScratch);
        return dw[7];
    }

    /** Weight gradient of layer 2: 200 x 200, reduction over the 5107 samples. */
    @Benchmark
    public float weightGradHidden() {
        Matmul.multiply(act, 0, 1, H, hiddenGrad, 0, H, dw, H, H, H, N, workers, packScratch);
        return dw[7];
    }

    /** Activation gradient through layer 3 with the ReLU mask: 5107 x 200 x 113. */
    @Benchmark
    public float activationGradLogits() {
        Matmul.multiplyMasked(logitGrad, C, w3t, H, out, H, act, N, H, 113, workers);
        return out[7];
    }

    /** Activation gradient through layer 2 with the ReLU mask: 5107 x 200 x 200. */
    @Benchmark
    public float activationGradHidden() {
        Matmul.multiplyMasked(hiddenGrad, H, w2, H, out, H, act, N, H, 200, workers);
        return out[7];
    }
}
