package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.collapse.StableMaxComparison;
import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.CsvTable;
import org.junit.jupiter.api.Test;

/** The StableMax-vs-softmax panel's model, without a window. */
class ComparisonViewModelTest {

    @Test
    void withoutARunItComparesTheBuiltInExample() {
        ComparisonViewModel m = new ComparisonViewModel();
        assertSame(ComparisonViewModel.EXAMPLE, m.sourceProperty().get());
        StableMaxComparison c = m.resultProperty().get();
        assertEquals(5, c.logits().length);
        assertEquals(Precision.FP32, c.precision());
        assertFalse(c.softmax().sumIsOne(), "a top-2 gap of 2.5 is far below fp32's 16.64");
        // one other term at gap 2.5 x scale is absorbed from 24 ln 2 / 2.5 (p ln 2 with p = 24 significand bits; docs/labs/collapse.md)
        assertEquals(24 * Math.log(2) / 2.5, c.collapseScale(), 1e-3);
    }

    @Test
    void theScaleDrivesSoftmaxIntoCollapseWhileStableMaxKeepsItsGradient() {
        ComparisonViewModel m = new ComparisonViewModel();
        m.scaleProperty().set(10);
        StableMaxComparison c = m.resultProperty().get();
        assertEquals(40.0, c.logits()[0], 0);
        assertTrue(c.softmax().sumIsOne());
        assertEquals(0.0, c.softmax().loss(), 0);
        assertEquals(0.0, c.softmax().targetGradient(0), 0);
        // StableMax on (40, 15, 5, -10, -20): s = 41, 16, 6, 1/11, 1/21
        double total = 41 + 16 + 6 + 1.0 / 11 + 1.0 / 21;
        assertEquals(1 / total - 1.0 / 41, c.stableMax().targetGradient(0), 1e-15);
        m.scaleProperty().set(5000);
        assertEquals(StableMaxComparison.MAX_SCALE, m.resultProperty().get().scale(), 0, "clamped to the slider's range");
        m.precisionProperty().set(Precision.FP64);
        m.scaleProperty().set(10);
        assertFalse(m.resultProperty().get().softmax().sumIsOne(), "fp64 needs a gap of 36.7, not 25");
        m.scaleProperty().set(20);
        assertTrue(m.resultProperty().get().softmax().sumIsOne(), "a gap of 50 collapses fp64 too");
    }

    @Test
    void anInspectedSampleBringsItsLogitsTargetAndPrecision() {
        ComparisonViewModel m = new ComparisonViewModel();
        double[] z = {0, 40, 0, 1};
        SampleAnatomy a = new SampleAnatomy(7, 1, 1, z, Precision.FP16, new double[4], 1, 3, 39, new double[4], 0);
        m.showSample(a, "run A", 120);
        StableMaxComparison c = m.resultProperty().get();
        assertEquals(Precision.FP16, c.precision());
        assertEquals(1, c.target());
        assertEquals(List.of(0.0, 40.0, 0.0, 1.0), java.util.Arrays.stream(c.logits()).boxed().toList());
        assertTrue(m.sourceProperty().get().description().contains("sample 7 of run A at epoch 120"));
        assertTrue(c.softmax().sumIsOne());
        m.showExample();
        assertSame(ComparisonViewModel.EXAMPLE, m.sourceProperty().get());
    }

    @Test
    void theTableHoldsTheReadOutsAndEveryClass() {
        ComparisonViewModel m = new ComparisonViewModel();
        m.scaleProperty().set(2);
        StableMaxComparison c = m.resultProperty().get();
        CsvTable t = m.table();
        assertEquals(List.of("quantity", "class", "softmax", "stablemax"), t.header());
        assertEquals(6 + 3 * 5, t.rows().size());
        List<Object> loss = t.rows().stream().filter(r -> r.get(0).equals("loss")).findFirst().orElseThrow();
        assertEquals(c.softmax().loss(), loss.get(2));
        assertEquals(c.stableMax().loss(), loss.get(3));
        List<Object> z0 = t.rows().stream().filter(r -> r.get(0).equals("logit")).findFirst().orElseThrow();
        assertEquals(8.0, z0.get(2), "scaled logits");
    }

    @Test
    void nonFiniteLogitsOfADivergedRunAreReportedNotThrown() {
        ComparisonViewModel m = new ComparisonViewModel();
        double[] z = {0.5, 1, Double.NaN, 2};
        SampleAnatomy a = new SampleAnatomy(3, 1, 1, z, Precision.FP32, new double[4], 1, 3, 1, new double[4], 0);
        m.showSample(a, "run A", 50);
        assertNull(m.resultProperty().get(), "no comparison of NaN logits");
        assertTrue(m.problemProperty().get().contains("logits[2]"), m.problemProperty().get());
        assertTrue(m.problemProperty().get().contains("NaN"), m.problemProperty().get());
        assertTrue(m.sourceProperty().get().description().contains("sample 3 of run A"));
        assertTrue(m.table().rows().isEmpty(), "no stale numbers in the export");
        m.scaleProperty().set(20);
        assertNull(m.resultProperty().get(), "moving the slider does not throw either");
        double[] inf = {Double.POSITIVE_INFINITY, 0};
        m.showSample(new SampleAnatomy(4, 0, 0, inf, Precision.FP16, new double[2], 1, 1, 1, new double[2], 0), "run A", 60);
        assertTrue(m.problemProperty().get().contains("logits[0]: Infinity"), m.problemProperty().get());
        m.showExample();
        assertNotNull(m.resultProperty().get());
        assertEquals("", m.problemProperty().get());
    }

    @Test
    void theCollapseScaleFollowsThePrecisionAndTheLogits() {
        ComparisonViewModel m = new ComparisonViewModel();
        m.scaleProperty().set(3);
        assertEquals(24 * Math.log(2) / 2.5, m.resultProperty().get().collapseScale(), 1e-3, "fp32: 16.64 / 2.5");
        m.precisionProperty().set(Precision.FP64);
        assertEquals(53 * Math.log(2) / 2.5, m.resultProperty().get().collapseScale(), 1e-3, "fp64: 36.74 / 2.5");
        m.scaleProperty().set(7);
        assertEquals(53 * Math.log(2) / 2.5, m.resultProperty().get().collapseScale(), 1e-3, "unchanged by the scale");
        double[] z = {1, 0};
        m.showSample(new SampleAnatomy(0, 0, 0, z, Precision.FP32, new double[2], 1, 1, 1, new double[2], 0), "run", 1);
        assertEquals(24 * Math.log(2), m.resultProperty().get().collapseScale(), 1e-4, "a new sample, a new search");
    }

    @Test
    void theVerdictNamesTheFirstOnsetAndWarnsThat16BitCollapseFlickers() {
        String fp16 = StableMaxPanel.verdictText(StableMaxComparison.of(new double[] {100, 99.5}, 0, Precision.FP16, 1));
        assertTrue(fp16.contains("first collapses in fp16 at ×14.0"), fp16);
        assertTrue(fp16.contains("switch off and on again"), fp16);
        String fp32 = StableMaxPanel.verdictText(StableMaxComparison.of(new double[] {100, 99.5}, 0, Precision.FP32, 1));
        assertTrue(fp32.contains("first collapses in fp32 at ×"), fp32);
        assertFalse(fp32.contains("switch off"), "fp32 switches once");
    }
}
