package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import lab.softmax.engine.nn.SoftmaxCrossEntropy;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SoftmaxCollapseTest {

    /**
     * Per-term absorption gaps p·ln 2, rounded to 0.01: under round-to-nearest-even 1 + e^{−g} is exactly 1
     * once e^{−g} ≤ 2^{−p}, with p the significand width in bits (53, 24, 11, 8), so a single term g below
     * the maximum is absorbed when g ≥ p·ln 2 (docs/labs/collapse.md). The margins below are wider than
     * that rounding.
     */
    private static double referenceGap(Precision p) {
        return switch (p) {
            case FP64 -> 36.74;
            case FP32 -> 16.64;
            case FP16 -> 7.62;
            case BF16 -> 5.55;
        };
    }

    /** Logits with the maximum at index top, one logit topGap below it and the rest at least topGap + spread below. */
    private static double[] gapVector(double topGap, double maxTarget, Random rnd, double spread) {
        double[] z = new double[113];
        double top = 3.25;
        for (int j = 0; j < z.length; j++) z[j] = top - topGap - spread - rnd.nextDouble() * 5;
        int second = ((int) maxTarget + 1 + rnd.nextInt(112)) % 113;   // never the maximum's index
        z[second] = top - topGap;
        z[(int) maxTarget] = top;
        return z;
    }

    @Test
    void float32CollapsesWithGap17ButNotWithGap16() {
        double[] z = new double[113];
        Arrays.fill(z, -17);
        z[0] = 0;
        assertTrue(SoftmaxCollapse.isCollapsed(z, 113, Precision.FP32));
        Arrays.fill(z, -16);
        z[0] = 0;
        assertFalse(SoftmaxCollapse.isCollapsed(z, 113, Precision.FP32));
    }

    @Test
    void absorptionGapsPerPrecision() {
        assertEquals(36.7368, SoftmaxCollapse.absorptionGap(Precision.FP64), 1e-4);
        assertEquals(16.6355, SoftmaxCollapse.absorptionGap(Precision.FP32), 1e-4);
        assertEquals(7.6246, SoftmaxCollapse.absorptionGap(Precision.FP16), 1e-4);
        assertEquals(5.5452, SoftmaxCollapse.absorptionGap(Precision.BF16), 1e-4);
        for (Precision p : Precision.values()) {
            assertEquals(referenceGap(p), SoftmaxCollapse.absorptionGap(p), 0.005, p + " vs p·ln 2");
        }
    }

    /** Collapse happens exactly when the top-2 gap passes p ln 2, whatever the other logits are. */
    @ParameterizedTest
    @EnumSource(Precision.class)
    void collapseExactlyWhenTheTop2GapPassesTheAbsorptionGap(Precision p) {
        Random rnd = new Random(p.ordinal());
        double threshold = referenceGap(p);
        // the logits themselves must be representable in p: keep the gap's resolution coarse for 16-bit formats
        double margin = p.significandBits() <= 11 ? 0.08 : 0.01;
        // 16-bit formats accumulate in float32 (as torch.sum does), so there the other terms must be negligible
        double spread = p.significandBits() <= 11 ? 10 : 0;
        for (int trial = 0; trial < 50; trial++) {
            int top = rnd.nextInt(113);
            assertFalse(SoftmaxCollapse.isCollapsed(gapVector(threshold - margin, top, rnd, spread), 113, p), p + " below");
            assertTrue(SoftmaxCollapse.isCollapsed(gapVector(threshold + margin, top, rnd, spread), 113, p), p + " above");
        }
    }

    @Test
    void float16AddsTheSmallTermsInFloat32BeforeRoundingTheTotal() {
        double[] z = new double[113];
        Arrays.fill(z, -9);   // each e^-9 = 1.2e-4 is below half an fp16 ulp of 1 (4.9e-4) ...
        z[0] = 0;
        assertFalse(SoftmaxCollapse.isCollapsed(z, 113, Precision.FP16), "... but 112 of them are not");
        Arrays.fill(z, -14);  // 112 e^-14 = 9.3e-5 in total: absorbed
        z[0] = 0;
        assertTrue(SoftmaxCollapse.isCollapsed(z, 113, Precision.FP16));
    }

    /** For softmax CE the zero-loss test and the SC test agree in fp32 and fp64 (same ops, same order). */
    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FP32", "FP64"})
    void zeroLossIffCollapsed(Precision p) {
        Random rnd = new Random(21);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(p);
        double threshold = referenceGap(p);
        for (int trial = 0; trial < 200; trial++) {
            int top = rnd.nextInt(113);
            double[] z = gapVector(threshold + (rnd.nextDouble() - 0.5) * 2, top, rnd, 0);
            for (int j = 0; j < z.length; j++) z[j] = p == Precision.FP32 ? (float) z[j] : z[j];
            boolean collapsed = SoftmaxCollapse.isCollapsed(z, 113, p);
            double[] grad = new double[113];
            double loss = ce.evaluate(z, 113, top, 100, grad);
            assertEquals(collapsed, loss == 0, "trial " + trial);
            assertEquals(collapsed, grad[top] == 0, "trial " + trial);
        }
    }

    @Test
    void top2Gap() {
        assertEquals(2.5, SoftmaxCollapse.top2Gap(new double[] {1, 3.5, -2, 1}, 4), 0);
        assertEquals(0, SoftmaxCollapse.top2Gap(new double[] {4, 4, 1}, 3), 0);
    }
}
