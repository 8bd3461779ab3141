package lab.softmax.engine.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import org.junit.jupiter.api.Test;

/** The cancellable sort gives exactly the order of Arrays.sort, and stops when cancelled. */
class SortingTest {
    /** Values with many duplicates, both zeros, infinities and NaN, shaped like logits and sparse probabilities. */
    private static double[] awkward(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (rng.nextInt(8)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> rng.nextInt(5);
                case 3 -> Double.NaN;
                case 4 -> rng.nextInt(2) == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                default -> rng.nextGaussian() * 1e3;
            };
        }
        return v;
    }

    private static void assertSameValues(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            // doubleToLongBits tells -0.0 from 0.0 and treats every NaN alike, as Arrays.sort's order does
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), what + " index " + i);
        }
    }

    @Test
    void ascendingAndDescendingMatchArraysSortForEverySizeAroundTheLeaf() {
        for (int n : new int[] {0, 1, 2, 3, 100, Sorting.LEAF, Sorting.LEAF + 1, 5 * Sorting.LEAF + 3, 1 << 20}) {
            for (long seed = 1; seed <= 2; seed++) {
                double[] v = awkward(n, seed * 31 + n);
                double[] expected = v.clone();
                Arrays.sort(expected);
                double[] up = v.clone();
                Sorting.ascending(up, Cancellation.none());
                assertSameValues(expected, up, "ascending n=" + n);
                double[] down = v.clone();
                Sorting.descending(down, Cancellation.none());
                double[] reversed = new double[n];
                for (int i = 0; i < n; i++) reversed[i] = expected[n - 1 - i];
                assertSameValues(reversed, down, "descending n=" + n);
            }
        }
    }

    @Test
    void sortedAndConstantInputsTakeTheSameOrder() {
        int n = 3 * Sorting.LEAF + 11;
        double[] constant = new double[n];
        Arrays.fill(constant, 0.25);
        double[] rising = new double[n];
        for (int i = 0; i < n; i++) rising[i] = i;
        double[] falling = new double[n];
        for (int i = 0; i < n; i++) falling[i] = -i;
        for (double[] v : new double[][] {constant, rising, falling}) {
            double[] expected = v.clone();
            Arrays.sort(expected);
            Sorting.ascending(v, Cancellation.none());
            assertSameValues(expected, v, "");
        }
    }

    @Test
    void aCancelledSortStopsAtTheCheckItWasCancelledAt() {
        for (long check = 1; check <= 20; check++) {
            double[] v = awkward(1 << 20, check);
            long at = check;
            assertThrows(CancelledException.class, () -> Sorting.descending(v, Cancellation.afterChecks(at)));
        }
    }
}
