package lab.softmax.views.collapse;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import lab.softmax.engine.nn.OrthoGradGeometry;
import lab.softmax.views.common.CsvTable;

/**
 * "⊥Grad drawn as vectors": the per-tensor geometry of the inspected run's raw gradient (computed
 * off the FX thread with the inspection) and which tensor the diagram shows. Empty until a run
 * trained here has been inspected.
 */
public final class ProjectionViewModel {
    private final ReadOnlyObjectWrapper<List<OrthoGradGeometry>> tensors = new ReadOnlyObjectWrapper<>(this, "tensors", List.of());
    private final IntegerProperty chosen = new SimpleIntegerProperty(this, "chosen");
    private final ReadOnlyObjectWrapper<OrthoGradGeometry> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper(this, "applied");

    public ProjectionViewModel() {
        chosen.addListener((o, a, b) -> select());
        tensors.addListener((o, a, b) -> select());
    }

    /** Every parameter tensor of the inspected run, in the model's order (empty: nothing inspected). */
    public ReadOnlyObjectProperty<List<OrthoGradGeometry>> tensorsProperty() { return tensors.getReadOnlyProperty(); }
    /** Index into the tensors of the one drawn. */
    public IntegerProperty chosenProperty() { return chosen; }
    /** The drawn tensor's geometry, or null when nothing has been inspected. */
    public ReadOnlyObjectProperty<OrthoGradGeometry> shownProperty() { return shown.getReadOnlyProperty(); }
    /** Which run and epoch the geometry belongs to. */
    public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }
    /** Why the shown tensor cannot be drawn (NaN or infinite weights or gradient), or "" when it can. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** True when the inspected run trains with ⊥Grad, so the projected gradient is what its optimiser really gets. */
    public ReadOnlyBooleanProperty appliedProperty() { return applied.getReadOnlyProperty(); }

    /**
     * Shows a run's geometry; keeps the chosen tensor when the new run has it, else the first.
     *
     * @param orthogradApplied whether that run uses ⊥Grad (otherwise the panel shows what ⊥Grad would do)
     */
    public void show(List<OrthoGradGeometry> geometry, String what, boolean orthogradApplied) {
        description.set(what);
        applied.set(orthogradApplied);
        if (chosen.get() >= geometry.size()) chosen.set(0);
        tensors.set(List.copyOf(geometry));
    }

    public void clear() {
        description.set("");
        applied.set(false);
        tensors.set(List.of());
    }

    private void select() {
        List<OrthoGradGeometry> all = tensors.get();
        int i = chosen.get();
        OrthoGradGeometry g = all.isEmpty() ? null : all.get(Math.max(0, Math.min(all.size() - 1, i)));
        problem.set(g == null || g.isFinite() ? "" : g.name() + ": the weights or the gradient are not finite (|w| "
                + g.weightNorm() + ", |g| " + g.gradNorm() + "). The run has diverged (try a smaller learning rate), so there "
                + "is no plane of w and g to draw.");
        shown.set(g);
    }

    /** One row per tensor: the norms, the dot product, the angle and what ⊥Grad keeps of the gradient. */
    public CsvTable table() {
        CsvTable.Builder b = CsvTable.builder("tensor", "rows", "cols", "weight_norm", "grad_norm", "w_dot_g", "cosine",
                "angle_deg", "g_parallel", "g_perp_norm", "rescale");
        for (OrthoGradGeometry g : tensors.get()) {
            b.row(g.name(), g.rows(), g.cols(), g.weightNorm(), g.gradNorm(), g.dot(), g.cosine(), g.angleDegrees(),
                    g.parallelComponent(), g.perpNorm(), g.rescale());
        }
        return b.build();
    }
}
