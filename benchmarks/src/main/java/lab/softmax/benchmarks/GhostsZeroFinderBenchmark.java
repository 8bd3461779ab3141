package lab.softmax.benchmarks;

import java.util.concurrent.TimeUnit;
import lab.softmax.engine.ghosts.Ghosts;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.numeric.SplitMix64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Ghosts zero finder: ρ*, the nearest zero and every zero within 3ρ_a of a random sum
 * F(t) = Σ exp(z_k + a_k t) with z ~ spread·N(0,1), a ~ N(0,1). Cycles through 32 fixed sums so the
 * score is an average over typical cases (ms per analysis, single thread). Target: K = 1000 well
 * under 100 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GhostsZeroFinderBenchmark {
    private static final int CASES = 32;

    @Param({"100", "1000"})
    public int k;

    @Param({"2", "300"})
    public double spread;

    private double[][] logits;
    private double[][] directions;
    private int next;

    @Setup
    public void setUp() {
        SplitMix64 rng = new SplitMix64(2026);
        logits = new double[CASES][k];
        directions = new double[CASES][k];
        for (int c = 0; c < CASES; c++) {
            for (int i = 0; i < k; i++) {
                logits[c][i] = spread * rng.nextGaussian();
                directions[c][i] = rng.nextGaussian();
            }
        }
    }

    @Benchmark
    public GhostsResult zerosWithinThreeRhoA() {
        int c = next;
        next = (next + 1) % CASES;
        return Ghosts.analyse(logits[c], directions[c], 3);
    }
}
