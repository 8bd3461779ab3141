package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class TopKGatingTest {
    /** Independent reference: sort indices by (logit descending, index ascending), keep K, sort ascending. */
    static int[] referenceTopK(double[] l, int topK) {
        Integer[] idx = IntStream.range(0, l.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -l[i]).thenComparingInt(i -> i));
        int[] out = new int[topK];
        for (int q = 0; q < topK; q++) out[q] = idx[q];
        Arrays.sort(out);
        return out;
    }

    /** Plain softmax without max subtraction, for moderate logits. */
    static double[] plainSoftmax(double[] l) {
        double[] p = new double[l.length];
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            p[i] = Math.exp(l[i]);
            s += p[i];
        }
        for (int i = 0; i < l.length; i++) p[i] /= s;
        return p;
    }

    static double[] randomLogits(SplitMix64 rng, int k) {
        double[] l = new double[k];
        for (int i = 0; i < k; i++) l[i] = 6 * rng.nextDouble() - 3;
        return l;
    }

    @Test
    void selectionMatchesSortingReferenceAndIsAscending() {
        SplitMix64 rng = new SplitMix64(1);
        for (int t = 0; t < 2000; t++) {
            int k = 1 + rng.nextInt(12);
            int topK = 1 + rng.nextInt(k);
            double[] l = randomLogits(rng, k);
            if (rng.nextInt(3) == 0) l[rng.nextInt(k)] = l[rng.nextInt(k)]; // exact ties now and then
            assertArrayEquals(referenceTopK(l, topK), TopK.select(l, topK), Arrays.toString(l) + " K=" + topK);
        }
    }

    @Test
    void tiesGoToTheLowestIndex() {
        assertArrayEquals(new int[] {1}, TopK.select(new double[] {1, 2, 2, 0}, 1));
        assertArrayEquals(new int[] {1, 2}, TopK.select(new double[] {1, 2, 2, 0}, 2));
        assertArrayEquals(new int[] {0, 1}, TopK.select(new double[] {3, 3, 3}, 2));
        assertArrayEquals(new int[] {0, 2}, TopK.select(new double[] {5, 1, 5, 5}, 2));
    }

    @Test
    void topKSetInvariantToCommonShiftAndPositiveScaling() {
        SplitMix64 rng = new SplitMix64(2);
        for (int t = 0; t < 500; t++) {
            int k = 2 + rng.nextInt(7);
            int d = 1 + rng.nextInt(3);
            double[][] w = new double[k][d];
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < d; j++) w[i][j] = 4 * rng.nextDouble() - 2;
                b[i] = 4 * rng.nextDouble() - 2;
            }
            double c0 = 10 * rng.nextDouble() - 5;
            double[] c1 = new double[d];
            for (int j = 0; j < d; j++) c1[j] = 10 * rng.nextDouble() - 5;
            double[][] ws = new double[k][d];
            double[] bs = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < d; j++) ws[i][j] = w[i][j] + c1[j];
                bs[i] = b[i] + c0;
            }
            Gates g = new Gates(w, b);
            Gates shifted = new Gates(ws, bs);
            double[] x = new double[d];
            for (int j = 0; j < d; j++) x[j] = 4 * rng.nextDouble() - 2;
            int topK = 1 + rng.nextInt(k);
            double[] l = new double[k];
            double[] ls = new double[k];
            g.logits(x, 1, l);
            shifted.logits(x, 1, ls);
            int[] base = TopK.select(l, topK);
            assertArrayEquals(base, TopK.select(ls, topK), "shift");
            for (double s : new double[] {0.01, 0.37, 3, 100}) {
                g.logits(x, s, ls);
                assertArrayEquals(base, TopK.select(ls, topK), "scale " + s);
            }
        }
    }

    @Test
    void weightsSumToOneWithExactlyKNonZero() {
        SplitMix64 rng = new SplitMix64(3);
        for (int t = 0; t < 1000; t++) {
            int k = 2 + rng.nextInt(10);
            int topK = 1 + rng.nextInt(k);
            double[] l = randomLogits(rng, k);
            for (Router r : Router.values()) {
                Route route = TopK.route(l, topK, r);
                double s = 0;
                int nonZero = 0;
                for (int i = 0; i < k; i++) {
                    double w = route.weightOf(i);
                    s += w;
                    if (w != 0) nonZero++;
                }
                assertEquals(topK, nonZero, r + " " + Arrays.toString(l));
                if (r.normalised()) {
                    assertEquals(1.0, s, 1e-14, r.id());
                } else {
                    double[] p = plainSoftmax(l);
                    double kept = 0;
                    for (int i : route.active()) kept += p[i];
                    assertEquals(kept, s, 1e-14);
                    assertTrue(s <= 1 + 1e-15);
                }
            }
        }
    }

    @Test
    void fullTopKEqualsDenseSoftmax() {
        SplitMix64 rng = new SplitMix64(4);
        for (int t = 0; t < 300; t++) {
            int k = 1 + rng.nextInt(10);
            double[] l = randomLogits(rng, k);
            double[] p = plainSoftmax(l);
            for (Router r : Router.values()) {
                Route route = TopK.route(l, k, r);
                assertArrayEquals(IntStream.range(0, k).toArray(), route.active());
                assertArrayEquals(p, route.weights(), 1e-14, r.id());
            }
        }
    }

    @Test
    void renormalisedSoftmaxTopKEqualsSoftmaxOverTopK() {
        SplitMix64 rng = new SplitMix64(5);
        for (int t = 0; t < 1000; t++) {
            int k = 2 + rng.nextInt(10);
            int topK = 1 + rng.nextInt(k);
            double[] l = randomLogits(rng, k);
            Route a = TopK.route(l, topK, Router.TOPK_SOFTMAX);
            Route b = TopK.route(l, topK, Router.SOFTMAX_TOPK_RENORM);
            assertArrayEquals(a.active(), b.active());
            assertArrayEquals(a.weights(), b.weights(), 1e-14);
            // and both against softmax written out over the reference set
            int[] set = referenceTopK(l, topK);
            double[] sub = new double[topK];
            for (int q = 0; q < topK; q++) sub[q] = l[set[q]];
            assertArrayEquals(plainSoftmax(sub), a.weights(), 1e-14);
        }
    }

    @Test
    void hugeLogitGapsStayFinite() {
        Route r = TopK.route(new double[] {1000, -1000, 999, Double.NEGATIVE_INFINITY}, 2, Router.TOPK_SOFTMAX);
        assertArrayEquals(new int[] {0, 2}, r.active());
        assertEquals(1 / (1 + Math.exp(-1)), r.weights()[0], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> TopK.route(new double[] {1, Double.NaN}, 1, Router.TOPK_SOFTMAX));
        assertThrows(IllegalArgumentException.class, () -> TopK.route(new double[] {1, 2}, 3, Router.TOPK_SOFTMAX));
        assertThrows(IllegalArgumentException.class, () -> TopK.route(new double[] {1, 2}, 0, Router.TOPK_SOFTMAX));
    }

    @Test
    void setIdsAreABijectionOntoTheKSubsets() {
        for (int k = 1; k <= 9; k++) {
            for (int topK = 1; topK <= k; topK++) {
                Set<Integer> seen = new HashSet<>();
                for (long mask = 0; mask < (1L << k); mask++) {
                    if (Long.bitCount(mask) != topK) continue;
                    int id = TopK.rank(mask);
                    assertTrue(id >= 0 && id < TopK.choose(k, topK), "id " + id);
                    assertTrue(seen.add(id), "duplicate id " + id);
                    int[] set = TopK.unrank(id, k, topK);
                    long back = 0;
                    for (int i : set) back |= 1L << i;
                    assertEquals(mask, back);
                }
                assertEquals(TopK.choose(k, topK), seen.size());
            }
        }
    }

    @Test
    void routerNamesParse() {
        for (Router r : Router.values()) assertEquals(r, Router.parse(r.id()));
        assertEquals(Router.SOFTMAX_TOPK, Router.parse(" Softmax-TopK "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Router.parse("top2"));
        assertTrue(e.getMessage().contains("topk-softmax"));
    }
}
