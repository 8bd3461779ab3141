package lab.softmax.views.distributions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.LogitRules;
import lab.softmax.engine.io.LogitsFile;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.distributions.Normalization;
import lab.softmax.engine.distributions.NormalizationResult;
import lab.softmax.engine.distributions.NormalizationSummary;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CoalescingTask;
import lab.softmax.views.common.Failures;
import lab.softmax.views.common.RunningTask;

/**
 * The Distributions lab's state as JavaFX properties, and the engine calls behind it. Every input
 * change schedules one recomputation off the FX thread; while one runs, later changes coalesce
 * into a single follow-up run, so dragging a slider never queues up work.
 */
public final class DistributionsViewModel {
    private final BackgroundTasks tasks;

    private final ObjectProperty<double[]> logits = new SimpleObjectProperty<>(this, "logits");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature");
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision");
    private final Map<NormalizerKind, BooleanProperty> enabled = new EnumMap<>(NormalizerKind.class);
    private final BooleanProperty subtractMax = new SimpleBooleanProperty(this, "subtractMax");
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");

    private final ReadOnlyObjectWrapper<List<NormalizationResult>> results = new ReadOnlyObjectWrapper<>(this, "results", List.of());
    private final ReadOnlyObjectWrapper<List<NormalizationSummary>> summaries = new ReadOnlyObjectWrapper<>(this, "summaries", List.of());
    private final ReadOnlyObjectWrapper<PlotData> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final CoalescingTask<Computed> recomputation;
    private final BooleanProperty loadingFile = new SimpleBooleanProperty(this, "loadingFile");

    public DistributionsViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        recomputation = new CoalescingTask<>(tasks, "Normalising", this::normalisation, this::show,
                failure -> error.set(failure.getMessage()));
        busy.bind(recomputation.runningProperty().or(loadingFile));
        for (NormalizerKind k : NormalizerKind.values()) {
            enabled.put(k, new SimpleBooleanProperty(this, k.id()));
        }
        load(DistributionsState.defaults());
        List<Observable> inputs = new ArrayList<>(List.of(logits, temperature, precision, subtractMax, topK));
        inputs.addAll(enabled.values());
        inputs.forEach(o -> o.addListener(x -> recomputation.request()));
        recomputation.request();
    }

    // ---- inputs (bound by the view) ----
    public ObjectProperty<double[]> logitsProperty() { return logits; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public ObjectProperty<Precision> precisionProperty() { return precision; }
    public BooleanProperty enabledProperty(NormalizerKind kind) { return enabled.get(kind); }
    public BooleanProperty subtractMaxProperty() { return subtractMax; }
    public IntegerProperty topKProperty() { return topK; }
    public BooleanProperty logScaleProperty() { return logScale; }

    // ---- outputs ----
    public ReadOnlyObjectProperty<List<NormalizationResult>> resultsProperty() { return results.getReadOnlyProperty(); }
    /** The read-outs per normaliser (entropy, top-k, counts), computed with the results. */
    public ReadOnlyObjectProperty<List<NormalizationSummary>> summariesProperty() { return summaries.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<PlotData> plotProperty() { return plot.getReadOnlyProperty(); }
    /** The last problem (bad file, bad paste); empty when all is well. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Sets one logit (dragging a bar, editing a cell). */
    public void setLogit(int index, double value) {
        double[] v = logits.get().clone();
        v[index] = value;
        setLogits(v, "logits");
    }

    /** Replaces the vector after checking it; a bad vector changes nothing and sets the error. */
    public boolean setLogits(double[] values, String source) {
        try {
            LogitRules.require(values, source, "logits");
        } catch (InputException e) {
            error.set(e.getMessage());
            return false;
        }
        error.set("");
        logits.set(values);
        return true;
    }

    /** Shows a problem found by the view (e.g. a table cell that is not a number). */
    public void reportError(String message) { error.set(message); }

    public boolean pasteLogits(String text) {
        try {
            return setLogits(LogitsFile.parseText(text, "pasted text"), "pasted text");
        } catch (InputException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    /**
     * Reads a logits file off the FX thread (10^7 entries take a moment), with progress and Cancel in the
     * status bar; a bad file changes nothing and sets the error, a cancelled one changes nothing.
     */
    public RunningTask<double[]> loadLogits(Path file) {
        loadingFile.set(true);
        return tasks.run("Reading " + file.getFileName(), ctx -> LogitsFile.read(file, ctx.progress(), ctx.cancellation()),
                values -> {
                    loadingFile.set(false);
                    setLogits(values, file.toString());
                },
                failure -> {
                    loadingFile.set(false);
                    Failures.report(failure, error::set);
                }, () -> loadingFile.set(false));
    }

    public DistributionsState state() {
        List<NormalizerKind> chosen = enabled.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        return new DistributionsState(logits.get(), temperature.get(), precision.get(),
                chosen.isEmpty() ? List.of(NormalizerKind.SOFTMAX) : chosen, subtractMax.get(), topK.get(), logScale.get());
    }

    public void load(DistributionsState s) {
        logits.set(s.logits());
        temperature.set(s.temperature());
        precision.set(s.precision());
        enabled.forEach((k, p) -> p.set(s.normalizers().contains(k)));
        subtractMax.set(s.subtractMax());
        topK.set(s.topK());
        logScale.set(s.logScale());
        error.set("");
    }

    private BackgroundTasks.Work<Computed> normalisation() {
        double[] z = logits.get();
        double t = temperature.get();
        Precision p = precision.get();
        boolean shift = subtractMax.get();
        int topKCount = topK.get();
        List<NormalizerKind> kinds = enabled.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        return ctx -> {
            var cancellation = ctx.cancellation();
            List<NormalizationResult> out = new ArrayList<>();
            for (NormalizerKind k : kinds) out.add(Normalization.run(z, t, k, p, shift, cancellation));
            List<NormalizationSummary> readouts = out.stream().map(r -> NormalizationSummary.of(r, topKCount, cancellation)).toList();
            return new Computed(out, readouts, PlotData.of(z, out, cancellation));
        };
    }

    private void show(Computed computed) {
        results.set(computed.results());
        summaries.set(computed.summaries());
        plot.set(computed.plot());
    }

    private record Computed(List<NormalizationResult> results, List<NormalizationSummary> summaries, PlotData plot) { }
}
