package lab.softmax.views.attention;

import java.nio.file.Path;
import java.util.List;
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
import lab.softmax.engine.attention.Attention;
import lab.softmax.engine.attention.AttentionConfig;
import lab.softmax.engine.attention.AttentionFile;
import lab.softmax.engine.attention.AttentionInput;
import lab.softmax.engine.attention.AttentionNormalizer;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.attention.FastAttention;
import lab.softmax.engine.attention.HeadResult;
import lab.softmax.engine.attention.MaskKind;
import lab.softmax.engine.attention.SsaConfig;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.nn.Workers;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.ChangeBatch;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CoalescingTask;
import lab.softmax.views.common.Failures;
import lab.softmax.views.common.RunningTask;

/**
 * The Attention lab's state as JavaFX properties and the engine calls behind the map: every input
 * change schedules one recomputation of the shown head off the FX thread ({@link CoalescingTask}:
 * dragging a slider never queues work). The needle training and the value-denoising demo have
 * their own small view-models ({@link #dilution()}, {@link #denoising()}).
 *
 * <p>The map's input is the state's generated one (seeded Gaussian tokens, Q = K = V, n =
 * {@link #contextLengthProperty()}) unless a Q/K/V file is loaded; a loaded input is not part of
 * the scenario (the state keeps the generated settings).
 */
public final class AttentionViewModel {
    private final BackgroundTasks tasks;
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature");
    private final ObjectProperty<MaskKind> mask = new SimpleObjectProperty<>(this, "mask");
    private final IntegerProperty validKeys = new SimpleIntegerProperty(this, "validKeys");
    private final ObjectProperty<AttentionNormalizer> normalizer = new SimpleObjectProperty<>(this, "normalizer");
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(this, "precision");
    private final DoubleProperty ssaSlope = new SimpleDoubleProperty(this, "ssaSlope");
    private final ObjectProperty<double[]> ssaToken = new SimpleObjectProperty<>(this, "ssaToken", new double[0]);
    private final IntegerProperty contextLength = new SimpleIntegerProperty(this, "contextLength");
    private final IntegerProperty head = new SimpleIntegerProperty(this, "head");
    private final BooleanProperty logColours = new SimpleBooleanProperty(this, "logColours", true);
    private final IntegerProperty hoveredRow = new SimpleIntegerProperty(this, "hoveredRow", -1);
    private final ObjectProperty<AttentionInput> loadedInput = new SimpleObjectProperty<>(this, "loadedInput");

    private final ReadOnlyObjectWrapper<MapComputation> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper fileProblem = new ReadOnlyStringWrapper(this, "fileProblem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty loadingFile = new SimpleBooleanProperty(this, "loadingFile");
    /** A map run younger than this finishes while the user drags: an fp32 map of 1024 rows takes ~15 ms. */
    private static final long KEEP_RUN_MILLIS = 100;
    private final CoalescingTask<MapComputation> recomputation;
    private final DilutionViewModel dilution;
    private final DenoisingViewModel denoising;
    /** The fields without a control of their own (heads, d_h, length scale, fp32 kernel, …), as last loaded. */
    private AttentionState base;
    private final ChangeBatch loading = new ChangeBatch();
    /** The last generated input, written by the map's worker (one run at a time) and read by the next. */
    private volatile GeneratedInput lastGenerated;

    public AttentionViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        dilution = new DilutionViewModel(tasks);
        denoising = new DenoisingViewModel(tasks);
        recomputation = new CoalescingTask<>(tasks, "Attention map", this::mapWork, this::show,
                failure -> error.set(String.valueOf(failure.getMessage())), KEEP_RUN_MILLIS);
        busy.bind(recomputation.runningProperty().or(loadingFile).or(dilution.busyProperty()).or(denoising.busyProperty()));
        load(AttentionState.defaults());
        List<Observable> inputs = List.of(temperature, mask, validKeys, normalizer, precision, ssaSlope, ssaToken,
                contextLength, head, loadedInput);
        inputs.forEach(o -> o.addListener(x -> recompute()));
        recompute();
    }

    // ---- inputs ----
    public DoubleProperty temperatureProperty() { return temperature; }
    public ObjectProperty<MaskKind> maskProperty() { return mask; }
    public IntegerProperty validKeysProperty() { return validKeys; }
    public ObjectProperty<AttentionNormalizer> normalizerProperty() { return normalizer; }
    public ObjectProperty<Precision> precisionProperty() { return precision; }
    /** s of SSA's position term τ = 1 + s·ln(i+1) + …. */
    public DoubleProperty ssaSlopeProperty() { return ssaSlope; }
    /** u of SSA's token term tanh(u·q_i) (length d_h; empty for none). */
    public ObjectProperty<double[]> ssaTokenProperty() { return ssaToken; }
    /** n of the generated input (queries = keys). */
    public IntegerProperty contextLengthProperty() { return contextLength; }
    public IntegerProperty headProperty() { return head; }
    /** Colours by log10 of the weight (else linear in [0, 1]); a display choice, not part of the state. */
    public BooleanProperty logColoursProperty() { return logColours; }
    /** The query row under the mouse (-1: none); its weights are shown as bars. */
    public IntegerProperty hoveredRowProperty() { return hoveredRow; }
    /** A loaded Q/K/V input, or null for the generated one. */
    public ReadOnlyObjectProperty<AttentionInput> loadedInputProperty() { return loadedInput; }

    // ---- outputs ----
    public ReadOnlyObjectProperty<MapComputation> mapProperty() { return map.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** Why the last Q/K/V file could not be loaded (file, field, value); empty after a good one. The view shows a dialog. */
    public ReadOnlyStringProperty fileProblemProperty() { return fileProblem.getReadOnlyProperty(); }
    /** True while the map recomputes, a file loads, the needle models train or the denoising demo runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public DilutionViewModel dilution() { return dilution; }
    public DenoisingViewModel denoising() { return denoising; }

    /** Heads of the map's input (the loaded one, or the generated one's). */
    public int heads() { return loadedInput.get() != null ? loadedInput.get().heads() : base.heads(); }

    /** d_h of the map's input. */
    public int headDim() { return loadedInput.get() != null ? loadedInput.get().headDim() : base.headDim(); }

    /** Keys of the map's input. */
    public int keys() { return loadedInput.get() != null ? loadedInput.get().keys() : contextLength.get(); }

    /**
     * SSA's token vector as a signed length: u = scale·(1, …, 1)/√d_h. The slider shows ±‖u‖ (the sign of Σu)
     * of a loaded vector and replaces it by a uniform one when moved.
     */
    public double ssaTokenScale() {
        double[] u = ssaToken.get();
        double norm = 0;
        double sum = 0;
        for (double x : u) {
            norm += x * x;
            sum += x;
        }
        return sum < 0 ? -Math.sqrt(norm) : Math.sqrt(norm);
    }

    public void setSsaTokenScale(double scale) {
        ssaToken.set(uniformToken(scale, base.headDim()));
    }

    static double[] uniformToken(double scale, int dim) {
        if (scale == 0) return new double[0];
        double[] u = new double[dim];
        java.util.Arrays.fill(u, scale / Math.sqrt(dim));
        return u;
    }

    /** Reports a problem found by the view (e.g. a dialog that could not be read). */
    public void reportError(String message) { error.set(message); }

    /**
     * Reads a Q/K/V file off the FX thread ({@link AttentionFile#read}); a bad file changes nothing and
     * sets {@link #errorProperty()} to the problem, which names the file, the field and the value.
     */
    public RunningTask<AttentionInput> loadInput(Path file) {
        loadingFile.set(true);
        fileProblem.set("");
        return tasks.run("Reading " + file.getFileName(), ctx -> AttentionFile.read(file, ctx.progress(), ctx.cancellation()), in -> {
            loadingFile.set(false);
            setInput(in);
        }, failure -> {
            loadingFile.set(false);
            Failures.report(failure, problem -> {
                error.set(problem);
                fileProblem.set(problem);
            });
        }, () -> loadingFile.set(false));
    }

    /** Shows this input instead of the generated one (null: back to the generated input). */
    public void setInput(AttentionInput in) {
        error.set("");
        loading.run(() -> {
            if (in != null && head.get() >= in.heads()) head.set(0);
            if (in == null && head.get() >= base.heads()) head.set(0);
        });
        loadedInput.set(in);
    }

    /** The whole state (the generated input's settings even while a file is shown). */
    public AttentionState state() {
        AttentionState b = base;
        int n = contextLength.get();
        double[] u = ssaToken.get();
        if (u.length != 0 && u.length != b.headDim()) u = uniformToken(ssaTokenScale(), b.headDim());
        DilutionViewModel.Settings d = dilution.settings();
        return new AttentionState(temperature.get(), mask.get(), Math.min(validKeys.get(), n), normalizer.get(),
                b.lengthScale(), precision.get(), b.fp32Algorithm(), b.subtractMax(), ssaSlope.get(), u, b.tokenForm(), n,
                b.heads(), b.headDim(), Math.min(head.get(), b.heads() - 1), Math.min(b.markedKey(), n - 1), d.seed(),
                d.preset(), d.steps());
    }

    public void load(AttentionState s) {
        loading.run(() -> {
            base = s;
            loadedInput.set(null);
            temperature.set(s.temperature());
            mask.set(s.mask());
            contextLength.set(s.contextLength());
            validKeys.set(s.validKeys());
            normalizer.set(s.normalizer());
            precision.set(s.precision());
            ssaSlope.set(s.ssaSlope());
            ssaToken.set(s.ssaToken());
            head.set(s.head());
            hoveredRow.set(-1);
            dilution.load(s);
            denoising.seedProperty().set(s.seed());
            error.set("");
        });
        recompute();
    }

    private void recompute() {
        if (loading.active()) return;
        recomputation.request();
    }

    /** The configuration of the map's engine call for the current controls, for an input with head dimension {@code dh}. */
    AttentionConfig config(int dh) {
        double[] u = ssaToken.get();
        if (u.length != 0 && u.length != dh) u = uniformToken(ssaTokenScale(), dh);
        SsaConfig ssa = new SsaConfig(ssaSlope.get(), u.length == 0 ? null : u, base.tokenForm(), null);
        int keyCount = keys();
        return AttentionConfig.defaults().withTemperature(temperature.get())
                .withMask(mask.get(), Math.min(validKeys.get(), keyCount)).withNormalizer(normalizer.get())
                .withLengthScale(base.lengthScale()).withPrecision(precision.get()).withSubtractMax(base.subtractMax())
                .withSsa(ssa).withMarkedKey(base.markedKey() < keyCount ? base.markedKey() : -1);
    }

    /** Reads the inputs on the FX thread; the returned work generates (or slices) the input and computes one head. */
    private BackgroundTasks.Work<MapComputation> mapWork() {
        AttentionInput loaded = loadedInput.get();
        AttentionState s;
        AttentionConfig c;
        try {
            s = loaded == null ? state() : null;
            c = config(loaded == null ? base.headDim() : loaded.headDim());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return ctx -> {
                throw new InputException("", "", message);
            };
        }
        int h = head.get();
        return ctx -> {
            AttentionInput full = loaded != null ? loaded : generated(s);
            if (h >= full.heads()) throw new InputException(full.source(), "head", h + " is outside 0.." + (full.heads() - 1));
            AttentionInput one = oneHead(full, h);
            ctx.cancellation().throwIfCancelled();
            long t0 = System.nanoTime();
            if (FastAttention.handles(one, c)) {
                FastAttention.FloatHead r = FastAttention.floatHead(one, c, Workers.of(1));
                return MapComputation.of(r, h, full.heads(), (System.nanoTime() - t0) / 1e6, full.source());
            }
            HeadResult r = Attention.compute(one, c, ctx.cancellation()).head(0);
            return MapComputation.of(r, h, full.heads(), (System.nanoTime() - t0) / 1e6, full.source());
        };
    }

    /**
     * The state's generated input, kept while n, the heads, d_h and the seed stay the same: a slider drag
     * recomputes the map dozens of times a second on the same tokens.
     */
    private AttentionInput generated(AttentionState s) {
        List<Object> key = List.of(s.contextLength(), s.heads(), s.headDim(), s.seed());
        GeneratedInput g = lastGenerated;
        if (g == null || !g.key().equals(key)) {
            g = new GeneratedInput(key, s.generatedInput());
            lastGenerated = g;
        }
        return g.input();
    }

    private record GeneratedInput(List<Object> key, AttentionInput input) { }

    /** Head h's columns of Q, K and V as a one-head input: the map shows one head, so only it is computed. */
    static AttentionInput oneHead(AttentionInput in, int h) {
        if (in.heads() == 1) return in;
        int dh = in.headDim();
        int dv = in.valueDim();
        return new AttentionInput(in.source(), columns(in.q(), h * dh, dh), columns(in.k(), h * dh, dh),
                columns(in.v(), h * dv, dv), 1, in.pattern());
    }

    private static double[][] columns(double[][] a, int from, int width) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = java.util.Arrays.copyOfRange(a[i], from, from + width);
        return out;
    }

    /** Shows a computed map (the recomputation delivers here; the timing check replays maps through it). */
    void show(MapComputation m) {
        map.set(m);
        error.set("");
        if (hoveredRow.get() >= m.queries()) hoveredRow.set(-1);
    }
}
