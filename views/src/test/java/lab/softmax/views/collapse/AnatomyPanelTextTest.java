package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/** The "Why?" tab's text for a diverged run (no window needed). */
class AnatomyPanelTextTest {

    @Test
    void aDivergedSampleIsNamedNotExplained() {
        SampleAnatomy nan = new SampleAnatomy(5, 1, 0, new double[] {1, Double.NaN, 0}, Precision.FP32, new double[3],
                Double.NaN, 0, Double.NaN, new double[3], Double.NaN);
        String text = AnatomyPanel.nonFiniteText(nan);
        assertTrue(text.startsWith("Sample 5: logits[1] is NaN"), text);
        assertTrue(text.contains("diverged"), text);
        SampleAnatomy fine = new SampleAnatomy(5, 1, 0, new double[] {1, 2, 0}, Precision.FP32, new double[3], 1.5, 0, 1,
                new double[3], 0.5);
        assertNull(AnatomyPanel.nonFiniteText(fine));
    }

    /**
     * Two terms 9 below the maximum: each exp(−9) = 1.234e−4 survives in fp16, and their float32 sum 2.47e−4 is below
     * half an fp16 step at 1 (2^−11 = 4.88e−4), so the SC test's 16-bit total is exactly 1 while the loss's float32
     * sum is 1 + 2e^−9 = 1.0002468 (worked by hand, not by the code under test).
     */
    @Test
    void fp16CollapsedByTheScTestButNotInTheLossSaysWhichSumIsWhich() {
        double[] z = {10, 1, 1};
        double loss = Math.log1p(2 * Math.exp(-9));
        SampleAnatomy a = new SampleAnatomy(0, 0, 0, z, Precision.FP16, new double[] {1, 1.234e-4, 1.234e-4}, 1.0, 0, 9,
                new double[] {-1.79e-7, 0, 0}, loss);
        String text = AnatomyPanel.verdictText(a);
        assertTrue(text.startsWith("Collapsed by the SC test, not in the loss."), text);
        assertTrue(text.contains("there the sum is 1.0002468"), text);
        assertTrue(text.contains("its loss 0.000247"), text);
        assertTrue(text.contains("its gradient -1.79e-07: small, not zero"), text);
        assertTrue(!text.contains("probability is 1,"), "no claim that the probability is 1: " + text);
    }

    @Test
    void fp32CollapseWithZeroLossAndGradientStopsLearning() {
        SampleAnatomy a = new SampleAnatomy(0, 0, 0, new double[] {30, 1}, Precision.FP32, new double[] {1, 0}, 1.0, 1, 29,
                new double[] {0, 1e-15}, 0);
        assertEquals("Collapsed: in fp32 the sum of the exp terms rounds to exactly 1, so the target's probability is 1 and its "
                + "loss and gradient are exactly 0: this sample no longer teaches the model.", AnatomyPanel.verdictText(a));
    }
}
