package lab.softmax.views.collapse;

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
}
