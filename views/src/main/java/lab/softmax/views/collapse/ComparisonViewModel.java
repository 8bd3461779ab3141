package lab.softmax.views.collapse;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.softmax.engine.collapse.StableMaxComparison;
import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.CsvTable;

/**
 * "StableMax vs softmax on the same logits": the logits (an inspected training sample, or a built-in
 * example so the panel is never empty), a scale factor 1..1000 and the softmax precision; the
 * comparison follows every change. It is recomputed on the calling thread: two normalisers over at
 * most a few hundred classes take well under a millisecond. The search for the first collapsed
 * scale (a fine grid plus bisection, milliseconds for typical samples) does not depend on the
 * scale, so it runs only when the logits or the precision change, not while the slider moves.
 * Logits that are not finite (a diverged run) cannot be compared: the result is then null and
 * {@link #problemProperty()} says which logit is at fault.
 */
public final class ComparisonViewModel {
    /** Where the logits come from. */
    public record Source(String description, double[] logits, int target) { }

    /** Five classes, target first, with a top-2 gap of 2.5: softmax collapses from about x6.7 in fp32. */
    public static final Source EXAMPLE = new Source("built-in example: 5 classes, target 0 (inspect a sample to use its logits)",
            new double[] {4, 1.5, 0.5, -1, -2}, 0);

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(this, "source", EXAMPLE);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision", Precision.FP32);
    private final ReadOnlyObjectWrapper<StableMaxComparison> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** The collapse scale of {@link #searchedFor} in {@link #searchedIn}: reused while only the scale moves. */
    private Source searchedFor;
    private Precision searchedIn;
    private double searchedScale;

    public ComparisonViewModel() {
        source.addListener((o, a, b) -> recompute());
        scale.addListener((o, a, b) -> recompute());
        precision.addListener((o, a, b) -> recompute());
        recompute();
    }

    public ReadOnlyObjectProperty<Source> sourceProperty() { return source; }
    /** The factor the logits are multiplied by, clamped to 1..{@link StableMaxComparison#MAX_SCALE}. */
    public DoubleProperty scaleProperty() { return scale; }
    public ObjectProperty<Precision> precisionProperty() { return precision; }
    /** The comparison, or null when the logits cannot be compared (see {@link #problemProperty()}). */
    public ReadOnlyObjectProperty<StableMaxComparison> resultProperty() { return result.getReadOnlyProperty(); }
    /** Why there is no comparison (e.g. "logits[3]: NaN is not finite"), or "" when there is one. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Uses an inspected sample's logits, target and loss precision. */
    public void showSample(SampleAnatomy a, String run, int epoch) {
        precision.set(a.precision());
        source.set(new Source(String.format(Locale.ROOT, "training sample %d of %s at epoch %d, target %d", a.sample(), run, epoch,
                a.target()), a.logits(), a.target()));
    }

    public void showExample() { source.set(EXAMPLE); }

    private void recompute() {
        Source s = source.get();
        double k = Math.max(1, Math.min(StableMaxComparison.MAX_SCALE, scale.get()));
        Precision p = precision.get();
        try {
            for (int j = 0; j < s.logits().length; j++) {
                // a diverged run (e.g. SGD with a large learning rate) has NaN or infinite logits: say so, do not throw
                if (!Double.isFinite(s.logits()[j])) {
                    throw new IllegalArgumentException("logits[" + j + "]: " + s.logits()[j] + " is not finite");
                }
            }
            if (s != searchedFor || p != searchedIn) {
                searchedScale = StableMaxComparison.collapseScale(s.logits(), p);
                searchedFor = s;
                searchedIn = p;
            }
            StableMaxComparison c = StableMaxComparison.of(s.logits(), s.target(), p, k, searchedScale);
            problem.set("");
            result.set(c);
        } catch (IllegalArgumentException e) {
            problem.set("Cannot compare the normalisers on these logits: " + e.getMessage()
                    + (s == EXAMPLE ? "" : ". The run has probably diverged (try a smaller learning rate)."));
            result.set(null);
        }
    }

    /** The comparison as a long table: settings and read-outs first, then logit, p and dL/dz per class. */
    public CsvTable table() {
        StableMaxComparison c = result.get();
        CsvTable.Builder b = CsvTable.builder("quantity", "class", "softmax", "stablemax");
        if (c == null) return b.build();
        b.row("precision", "", c.softmax().precision().id(), c.stableMax().precision().id());
        b.row("scale", "", c.scale(), c.scale());
        b.row("target", "", c.target(), c.target());
        b.row("sum_relative_to_max", "", c.softmax().sum(), c.stableMax().sum());
        b.row("loss", "", c.softmax().loss(), c.stableMax().loss());
        b.row("collapse_scale", "", c.collapseScale(), "");
        for (int j = 0; j < c.logits().length; j++) b.row("logit", j, c.logits()[j], c.logits()[j]);
        for (int j = 0; j < c.logits().length; j++) b.row("p", j, c.softmax().probabilities()[j], c.stableMax().probabilities()[j]);
        for (int j = 0; j < c.logits().length; j++) b.row("dL/dz", j, c.softmax().gradient()[j], c.stableMax().gradient()[j]);
        return b.build();
    }
}
