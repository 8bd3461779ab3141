package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.nn.OrthoGradGeometry;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.views.common.CsvTable;
import org.junit.jupiter.api.Test;

/** The ⊥Grad panel's model, without a window. */
class ProjectionViewModelTest {

    private static Parameter tensor(String name, double[] w, double[] g) {
        Parameter p = new Parameter(name, 1, w.length);
        System.arraycopy(w, 0, p.value(), 0, w.length);
        System.arraycopy(g, 0, p.grad(), 0, g.length);
        return p;
    }

    private static final List<OrthoGradGeometry> TWO = OrthoGradGeometry.of(List.of(
            tensor("layer0.weight", new double[] {3, 4}, new double[] {-3, 0}),     // cos = -9/15
            tensor("layer1.weight", new double[] {1, 0, 0}, new double[] {0, 2, 0})));  // orthogonal

    @Test
    void emptyUntilARunIsShownThenFollowsTheChosenTensor() {
        ProjectionViewModel m = new ProjectionViewModel();
        assertNull(m.shownProperty().get());
        m.show(TWO, "run A at epoch 10", false);
        assertEquals("layer0.weight", m.shownProperty().get().name());
        assertEquals(-0.6, m.shownProperty().get().cosine(), 1e-15);
        assertEquals("run A at epoch 10", m.descriptionProperty().get());
        m.chosenProperty().set(1);
        assertEquals("layer1.weight", m.shownProperty().get().name());
        assertEquals(90, m.shownProperty().get().angleDegrees(), 1e-12);
        m.show(TWO.subList(0, 1), "run B", true);
        assertEquals("layer0.weight", m.shownProperty().get().name(), "a run without that tensor falls back to the first");
        m.clear();
        assertNull(m.shownProperty().get());
        assertTrue(m.tensorsProperty().get().isEmpty());
    }

    @Test
    void theTableHasOneRowPerTensorWithItsGeometry() {
        ProjectionViewModel m = new ProjectionViewModel();
        m.show(TWO, "run", false);
        CsvTable t = m.table();
        assertEquals(2, t.rows().size());
        List<Object> first = t.rows().getFirst();
        assertEquals("layer0.weight", first.get(0));
        assertEquals(5.0, (double) first.get(3), 1e-15);   // |w|
        assertEquals(3.0, (double) first.get(4), 1e-15);   // |g|
        assertEquals(-9.0, (double) first.get(5), 1e-15);  // w.g
        // g_perp = g - (-9/25) w = (-3 + 27/25, 36/25) = (-1.92, 1.44): norm 2.4
        assertEquals(2.4, (double) first.get(9), 1e-14);
        assertEquals(3.0 / 2.4, (double) first.get(10), 1e-14);
    }

    @Test
    void aDivergedRunIsNamedNotDrawn() {
        ProjectionViewModel m = new ProjectionViewModel();
        List<OrthoGradGeometry> diverged = OrthoGradGeometry.of(List.of(
                tensor("layer0.weight", new double[] {3, 4}, new double[] {-3, 0}),
                tensor("layer1.weight", new double[] {Double.NaN, 1}, new double[] {0, Double.POSITIVE_INFINITY})));
        m.show(diverged, "run A at epoch 30", false);
        assertEquals("", m.problemProperty().get(), "the first matrix is still finite");
        m.chosenProperty().set(1);
        assertFalse(m.shownProperty().get().isFinite());
        assertTrue(m.problemProperty().get().startsWith("layer1.weight: "), m.problemProperty().get());
        assertTrue(m.problemProperty().get().contains("diverged"));
        m.show(TWO, "run B", true);
        assertEquals("", m.problemProperty().get());
        assertTrue(m.appliedProperty().get());
        m.clear();
        assertFalse(m.appliedProperty().get());
    }

    @Test
    void theTextSaysWhatGradWouldDoUnlessTheRunUsesIt() {
        OrthoGradGeometry g = TWO.getFirst();
        assertTrue(ProjectionPanel.numbersText(g, false).contains("would hand the optimiser"));
        assertFalse(ProjectionPanel.numbersText(g, true).contains("would"));
        assertTrue(ProjectionPanel.legendText(false).contains("does not use ⊥Grad"));
        assertTrue(ProjectionPanel.legendText(true).contains("uses ⊥Grad"));
        assertFalse(ProjectionPanel.legendText(false).contains("steps along −g"), "Adam does not step along −g");
    }
}
