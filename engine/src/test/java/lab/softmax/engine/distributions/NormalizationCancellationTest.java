package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import org.junit.jupiter.api.Test;

/**
 * Normalisation and its read-outs take a cancellation: stopped at any of their checks they throw, and a run that
 * is not stopped gives what the run without a cancellation gives.
 */
class NormalizationCancellationTest {
    private static final int N = 5 * Cancellation.ELEMENTS_PER_CHECK + 17;

    private static double[] logits() {
        SplitMix64 rng = new SplitMix64(11);
        double[] z = new double[N];
        for (int i = 0; i < N; i++) z[i] = 4 * rng.nextGaussian();
        return z;
    }

    @Test
    void everyNormaliserStopsAtEveryCheckUpToTheLast() {
        double[] z = logits();
        for (NormalizerKind kind : NormalizerKind.values()) {
            for (Precision p : new Precision[] {Precision.FP16, Precision.FP64}) {
                // a pass over N values checks 6 times; every normaliser makes at least five passes
                for (long check = 1; check <= 30; check += 3) {
                    long at = check;
                    assertThrows(CancelledException.class,
                            () -> Normalization.run(z, 0.7, kind, p, true, Cancellation.afterChecks(at)), kind + " " + p + " check " + at);
                }
            }
        }
    }

    @Test
    void anUncancelledRunAndItsReadOutsEqualThoseWithoutACancellation() {
        double[] z = logits();
        for (NormalizerKind kind : NormalizerKind.values()) {
            NormalizationResult plain = Normalization.run(z, 0.7, kind, Precision.FP16, true);
            NormalizationResult cancellable = Normalization.run(z, 0.7, kind, Precision.FP16, true, new Cancellation());
            assertArrayEquals(plain.probabilities(), cancellable.probabilities(), kind.id());
            assertArrayEquals(plain.reference(), cancellable.reference(), kind.id());
            assertEquals(NormalizationSummary.of(plain, 10), NormalizationSummary.of(cancellable, 10, new Cancellation()), kind.id());
            for (long check = 1; check <= 6; check++) {
                long at = check;
                assertThrows(CancelledException.class, () -> NormalizationSummary.of(plain, 10, Cancellation.afterChecks(at)));
            }
        }
    }
}
