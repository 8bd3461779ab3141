package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        m.show(TWO, "run A at epoch 10");
        assertEquals("layer0.weight", m.shownProperty().get().name());
        assertEquals(-0.6, m.shownProperty().get().cosine(), 1e-15);
        assertEquals("run A at epoch 10", m.descriptionProperty().get());
        m.chosenProperty().set(1);
        assertEquals("layer1.weight", m.shownProperty().get().name());
        assertEquals(90, m.shownProperty().get().angleDegrees(), 1e-12);
        m.show(TWO.subList(0, 1), "run B");
        assertEquals("layer0.weight", m.shownProperty().get().name(), "a run without that tensor falls back to the first");
        m.clear();
        assertNull(m.shownProperty().get());
        assertTrue(m.tensorsProperty().get().isEmpty());
    }

    @Test
    void theTableHasOneRowPerTensorWithItsGeometry() {
        ProjectionViewModel m = new ProjectionViewModel();
        m.show(TWO, "run");
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
}
