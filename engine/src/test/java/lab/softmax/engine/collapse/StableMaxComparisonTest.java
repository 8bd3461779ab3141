package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import lab.softmax.engine.nn.StableMaxCrossEntropy;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

/** Softmax vs StableMax on the same logits, against hand values, float64 finite differences and the absorption gaps p·ln 2 (p significand bits). */
class StableMaxComparisonTest {

    @Test
    void stableMaxOfHandValues() {
        // s(0) = 1, s(1) = 2, s(-1) = 0.5, so S = 3.5; s'(-1) = 0.25
        StableMaxComparison c = StableMaxComparison.of(new double[] {0, 1, -1}, 1, Precision.FP64, 1);
        StableMaxComparison.Normaliser sm = c.stableMax();
        assertEquals(2.0 / 7, sm.probabilities()[0], 1e-15);
        assertEquals(4.0 / 7, sm.probabilities()[1], 1e-15);
        assertEquals(1.0 / 7, sm.probabilities()[2], 1e-15);
        assertEquals(Math.log(1.75), sm.loss(), 1e-15);
        // dL/dz_k = (p_k - [k = c]) s'(z_k)/s(z_k): 2/7, (4/7 - 1)/2, (1/7)(0.25/0.5)
        assertEquals(2.0 / 7, sm.gradient()[0], 1e-15);
        assertEquals(-3.0 / 14, sm.gradient()[1], 1e-15);
        assertEquals(1.0 / 14, sm.gradient()[2], 1e-15);
        // sum of s(z_j)/s(z_max) = (2 + 1 + 0.5)/2
        assertEquals(1.75, sm.sum(), 1e-15);
        assertEquals(Precision.FP64, sm.precision());
    }

    @Test
    void stableMaxGradientMatchesFiniteDifferencesInFloat64() {
        SplitMix64 rng = new SplitMix64(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] z = new double[6];
            for (int j = 0; j < z.length; j++) z[j] = (rng.nextDouble() - 0.5) * 20;
            int target = trial % z.length;
            double[] grad = StableMaxComparison.of(z, target, Precision.FP64, 1).stableMax().gradient();
            for (int k = 0; k < z.length; k++) {
                double fd = (stableMaxLoss(z, target, k, 1e-6) - stableMaxLoss(z, target, k, -1e-6)) / 2e-6;
                assertEquals(fd, grad[k], 1e-7 * Math.max(1, Math.abs(fd)), "trial " + trial + ", k " + k);
            }
        }
    }

    @Test
    void softmaxInFloat64MatchesFiniteDifferencesAndBigDecimal() {
        double[] z = {2.5, -1.0, 0.25, 3.0, -4.0};
        int target = 0;
        StableMaxComparison.Normaliser sm = StableMaxComparison.of(z, target, Precision.FP64, 1).softmax();
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal total = BigDecimal.ZERO;
        for (double v : z) total = total.add(new BigDecimal(Math.exp(v - 3.0)), mc);
        double lse = 3.0 + Math.log(total.doubleValue());
        assertEquals(lse - z[target], sm.loss(), 1e-14);
        for (int k = 0; k < z.length; k++) {
            double p = new BigDecimal(Math.exp(z[k] - 3.0)).divide(total, mc).doubleValue();
            assertEquals(p, sm.probabilities()[k], 1e-15);
            double fd = (softmaxLoss(z, target, k, 1e-6) - softmaxLoss(z, target, k, -1e-6)) / 2e-6;
            assertEquals(fd, sm.gradient()[k], 1e-8, "k " + k);
        }
    }

    @Test
    void fp32SoftmaxCollapsesAt40ButNotAt10WhileStableMaxKeepsAGradient() {
        StableMaxComparison collapsed = StableMaxComparison.of(new double[] {40, 0, 0}, 0, Precision.FP32, 1);
        assertEquals(1.0, collapsed.softmax().sum(), 0);
        assertTrue(collapsed.softmax().sumIsOne());
        assertEquals(0.0, collapsed.softmax().loss(), 0);
        assertEquals(0.0, collapsed.softmax().targetGradient(0), 0, "exactly zero, not just small");
        assertEquals(1.0, collapsed.softmax().probabilities()[0], 0);
        // StableMax: s = 41, 1, 1; S = 43; dL/dz_c = 1/43 - 1/41
        assertEquals(1.0 / 43 - 1.0 / 41, collapsed.stableMax().targetGradient(0), 1e-17);
        assertEquals(Math.log(43.0 / 41), collapsed.stableMax().loss(), 1e-15);
        assertFalse(collapsed.stableMax().sumIsOne());

        StableMaxComparison alive = StableMaxComparison.of(new double[] {10, 0, 0}, 0, Precision.FP32, 1);
        double small = 2 * Math.exp(-10);
        assertFalse(alive.softmax().sumIsOne());
        assertEquals(1 + small, alive.softmax().sum(), 1e-6);
        // fp32 resolves values near 1 only to an ulp (1.19e-7): the loss ln(sum) and exp(out_c) - 1 carry that absolute error
        double ulp1 = Math.ulp(1.0f);
        assertEquals(Math.log1p(small), alive.softmax().loss(), ulp1);
        assertEquals(-small / (1 + small), alive.softmax().targetGradient(0), ulp1);
        assertNotEquals(0.0, alive.softmax().targetGradient(0));
    }

    @Test
    void theScaleMultipliesTheLogits() {
        StableMaxComparison c = StableMaxComparison.of(new double[] {4, 0, 0}, 0, Precision.FP32, 10);
        assertEquals(40.0, c.logits()[0], 0);
        assertEquals(10.0, c.scale(), 0);
        assertEquals(0.0, c.softmax().targetGradient(0), 0);
        assertEquals(1.0 / 43 - 1.0 / 41, c.stableMax().targetGradient(0), 1e-17);
        StableMaxComparison unscaled = StableMaxComparison.of(new double[] {4, 0, 0}, 0, Precision.FP32, 1);
        double pc = 1 / (1 + 2 * Math.exp(-4));
        assertEquals(pc, unscaled.softmax().probabilities()[0], 1e-7);
        assertEquals(pc - 1, unscaled.softmax().targetGradient(0), 1e-7);
    }

    @Test
    void collapseScaleIsTheAbsorptionGapForOneOtherClass() {
        // one other term at gap g is absorbed by 1 once g >= p ln 2 (p significand bits), so with logits {1, 0} at scale g
        assertEquals(24 * Math.log(2), StableMaxComparison.of(new double[] {1, 0}, 0, Precision.FP32, 1).collapseScale(), 1e-4);
        assertEquals(53 * Math.log(2), StableMaxComparison.of(new double[] {1, 0}, 0, Precision.FP64, 1).collapseScale(), 1e-4);
        assertEquals(11 * Math.log(2), StableMaxComparison.of(new double[] {1, 0}, 0, Precision.FP16, 1).collapseScale(), 2e-3);
        for (Precision p : new Precision[] {Precision.FP16, Precision.FP32, Precision.FP64}) {
            double[] z = {3, 1, 0.5, -2};
            double at = StableMaxComparison.of(z, 0, p, 1).collapseScale();
            assertTrue(StableMaxComparison.of(z, 0, p, at * (1 + 1e-5)).softmax().sumIsOne(), p + " collapsed just above");
            assertFalse(StableMaxComparison.of(z, 0, p, at * (1 - 1e-5)).softmax().sumIsOne(), p + " not yet just below");
        }
        assertEquals(1.0, StableMaxComparison.of(new double[] {40, 0}, 0, Precision.FP32, 1).collapseScale(), 0);
        assertTrue(Double.isNaN(StableMaxComparison.of(new double[] {1, 0.999}, 0, Precision.FP32, 1).collapseScale()),
                "a gap of 0.001 stays below 16.6 up to x1000");
    }

    @Test
    void fp16OverflowIsReportedAndTheCollapseScaleIsSoughtBelowIt() {
        // 100 x 700 = 70000 > 65504: the logit is infinite in fp16 and the softmax loss is NaN
        StableMaxComparison over = StableMaxComparison.of(new double[] {100, 99, 0}, 0, Precision.FP16, 700);
        assertTrue(over.softmaxOverflows());
        assertTrue(Double.isNaN(over.softmax().loss()));
        assertFalse(Double.isNaN(over.stableMax().loss()), "StableMax in fp64 does not overflow");
        // large fp16 logits are coarse (spacing 0.5 near 760): that shifts the onset for {100, 99, 0}, so it is only bracketed
        double at = over.collapseScale();
        assertTrue(at > 7 && at < 9, "onset " + at);
        // {1, 0, -100}: a gap of 1 needs x7.62 in fp16 (11 ln 2), far below the overflow of -100 at x655
        StableMaxComparison small = StableMaxComparison.of(new double[] {1, 0, -100}, 0, Precision.FP16, 700);
        assertTrue(small.softmaxOverflows());
        assertEquals(11 * Math.log(2), small.collapseScale(), 5e-3);
        assertFalse(StableMaxComparison.of(new double[] {100, 99, 0}, 0, Precision.FP16, 6).softmaxOverflows());
        // a gap of 0.01 would need x762, past the overflow at x655; but fp16 spacing near 1e4..6e4 is 8..32, so the
        // rounded gap jumps to a whole spacing long before that: the first such onset is found, below the overflow
        double[] tiny = {100, 99.99};
        double onset = StableMaxComparison.of(tiny, 0, Precision.FP16, 1).collapseScale();
        assertTrue(onset < 65504.0 / 100, "below the overflow: x" + onset);
        assertTrue(SoftmaxCollapse.isCollapsed(scaled(tiny, onset), 2, Precision.FP16));
        double[] scan = DenseScan.of(tiny, Precision.FP16, 1e-5);
        assertTrue(Math.log(onset) >= Math.log(scan[0]) - 1e-5 && Math.log(onset) <= Math.log(scan[0]) + 1e-3,
                "x" + onset + " vs dense scan x" + scan[0]);
    }

    @Test
    void sixteenBitCollapseFlickersAndTheFirstOnsetIsFound() {
        // the reviewer's cases: the rounded top-2 gap round(a s) - round(b s) is not monotone in s, so collapse
        // switches on and off; the reported scale must be the first onset of a dense scan, not wherever bisection lands
        assertFirstOnset(new double[] {100, 99, 0}, Precision.FP16, 7.51);
        assertFirstOnset(new double[] {100, 99.5}, Precision.FP16, 14.04);   // the 1e-6 scan finds an earlier window, x14.005
        assertFirstOnset(new double[] {100, 99.5}, Precision.BF16, 8.06);
        assertFirstOnset(new double[] {300, 299}, Precision.BF16, 3.43);
    }

    @Test
    void fp32CollapseSwitchesOnceAndTheSearchAgreesWithADenseScan() {
        for (double[] z : new double[][] {{3, 1, 0.5, -2}, {100, 99, 0}, {100, 99.5}, {300, 299}, {4, 1.5, 0.5, -1, -2}}) {
            double[] scan = DenseScan.of(z, Precision.FP32, 2e-5);
            assertFalse(Double.isNaN(scan[0]), "collapses in fp32 within x1000");
            assertTrue(Double.isNaN(scan[1]), "fp32 never switches back off, from x" + scan[1]);
            double at = StableMaxComparison.of(z, 0, Precision.FP32, 1).collapseScale();
            assertEquals(Math.log(scan[0]), Math.log(at), CollapseScaleSearch.GRID_STEP + 2e-5, java.util.Arrays.toString(z));
        }
    }

    @Test
    void onRandomLogitsTheBoundNeverSkipsACollapseAndTheSearchIsNeverLate() {
        // a coarser scan (step 1e-4 in ln s) from x1: wherever it first sees a collapse, the proven lower bound must be
        // below it, and the search must report that point or an earlier one (a window the coarse scan stepped over)
        SplitMix64 rng = new SplitMix64(11);
        Precision[] precisions = {Precision.FP16, Precision.BF16, Precision.FP32};
        int checked = 0;
        for (int trial = 0; trial < 24; trial++) {
            Precision p = precisions[trial % 3];
            double[] z = new double[2 + trial % 5];
            double spread = trial % 2 == 0 ? 3 : 40;
            for (int j = 0; j < z.length; j++) z[j] = (rng.nextDouble() - 0.3) * spread;
            double first = DenseScan.of(z, p, 1e-4)[0];
            double at = StableMaxComparison.collapseScale(z, p);
            String what = p + " " + java.util.Arrays.toString(z) + ": search x" + at + ", scan x" + first;
            if (Double.isNaN(first)) continue;
            checked++;
            assertTrue(CollapseScaleSearch.noCollapseBelow(z, p) <= first, what);
            assertTrue(at <= first * (1 + 1e-6), what);
            assertTrue(SoftmaxCollapse.isCollapsed(scaled(z, at), z.length, p), what);
        }
        assertTrue(checked >= 12, "most random cases collapse within x1000: " + checked);
    }

    private static void assertFirstOnset(double[] z, Precision p, double reviewersOnset) {
        double[] scan = DenseScan.of(z, p);
        // the reviewer's scan was 35 times coarser, so it could only find the first onset or a later window
        assertTrue(scan[0] <= reviewersOnset + 0.005 && scan[0] > reviewersOnset * 0.99, "the dense scan's first onset " + scan[0]);
        assertFalse(Double.isNaN(scan[1]), "collapse switches off again above the onset (x" + scan[1] + ")");
        double at = StableMaxComparison.of(z, 0, p, 1).collapseScale();
        assertTrue(SoftmaxCollapse.isCollapsed(scaled(z, at), z.length, p), p + " collapsed at the reported x" + at);
        // never before the first onset (up to the dense scan's step), and within 0.1 % after it: the grid can step over
        // the first few on-windows, which are narrower than its step, but not over the wider ones that follow
        String what = p + " " + java.util.Arrays.toString(z) + ": x" + at + " vs first onset x" + scan[0];
        assertTrue(Math.log(at) >= Math.log(scan[0]) - DenseScan.STEP, what);
        assertTrue(Math.log(at) <= Math.log(scan[0]) + 1e-3, what);
    }

    private static double[] scaled(double[] z, double s) {
        double[] out = new double[z.length];
        for (int j = 0; j < z.length; j++) out[j] = z[j] * s;
        return out;
    }

    /** Log-spaced scales from 1 to 1000, each tested for collapse on its own (no bound, no bisection). */
    private static final class DenseScan {
        /** Fine enough for the 16-bit on-windows (some are 1e-4 wide); stops at the first switch back off. */
        static final double STEP = 1e-6;

        static double[] of(double[] z, Precision p) { return of(z, p, STEP); }

        /** {first collapsed scale, first scale above it that is not collapsed}, NaN when there is none. */
        static double[] of(double[] z, Precision p, double step) {
            double first = Double.NaN;
            int points = (int) (Math.log(1000) / step);
            for (int i = 0; i <= points; i++) {
                double s = Math.exp(i * step);
                boolean collapsed = SoftmaxCollapse.isCollapsed(scaled(z, s), z.length, p);
                if (Double.isNaN(first) && collapsed) first = s;
                else if (!Double.isNaN(first) && !collapsed) return new double[] {first, s};
            }
            return new double[] {first, Double.NaN};
        }
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalArgumentException.class, () -> StableMaxComparison.of(new double[] {1}, 0, Precision.FP32, 1));
        assertThrows(IllegalArgumentException.class, () -> StableMaxComparison.of(new double[] {1, 2}, 2, Precision.FP32, 1));
        assertThrows(IllegalArgumentException.class, () -> StableMaxComparison.of(new double[] {1, 2}, 0, Precision.FP32, 0));
        assertThrows(IllegalArgumentException.class, () -> StableMaxComparison.of(new double[] {1, Double.NaN}, 0, Precision.FP32, 1));
    }

    /** -ln(s(z_c)/sum s) with z_k shifted by h, straight from the definition. */
    private static double stableMaxLoss(double[] z, int target, int k, double h) {
        double[] y = z.clone();
        y[k] += h;
        double total = 0;
        for (double v : y) total += v >= 0 ? v + 1 : 1 / (1 - v);
        double st = y[target] >= 0 ? y[target] + 1 : 1 / (1 - y[target]);
        assertEquals(st, StableMaxCrossEntropy.s(y[target]), 0);
        return -Math.log(st / total);
    }

    private static double softmaxLoss(double[] z, int target, int k, double h) {
        double[] y = z.clone();
        y[k] += h;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) max = Math.max(max, v);
        double total = 0;
        for (double v : y) total += Math.exp(v - max);
        return max + Math.log(total) - y[target];
    }
}
