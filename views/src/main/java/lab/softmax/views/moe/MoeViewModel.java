package lab.softmax.views.moe;

import java.util.List;
import java.util.Locale;
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
import lab.softmax.engine.moe.GatePlane;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.engine.moe.Router;
import lab.softmax.views.common.ChangeBatch;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CoalescingTask;

/**
 * The MoE gating lab's state as JavaFX properties and the engine calls behind the Plane tab: every input change
 * schedules one recomputation of the 400 × 400 plane off the FX thread (a {@link CoalescingTask} that keeps every
 * run: dragging a gate never queues work, and every finished frame is shown while the drag goes on). The Routers and
 * Convergence tabs have their own small view-models ({@link #routers()}, {@link #convergence()}).
 *
 * <p>Bad input (K outside 1..k, a NaN or infinite gate parameter, a temperature outside its range) computes nothing:
 * {@link #problemProperty()} names the problem and the last good picture stays.
 */
public final class MoeViewModel {
    private final ObjectProperty<double[][]> gateWeights = new SimpleObjectProperty<>(this, "gateWeights");
    private final ObjectProperty<double[]> gateBiases = new SimpleObjectProperty<>(this, "gateBiases");
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature");
    private final ObjectProperty<Router> router = new SimpleObjectProperty<>(this, "router");
    private final IntegerProperty chosenExpert = new SimpleIntegerProperty(this, "chosenExpert");
    private final DoubleProperty shift = new SimpleDoubleProperty(this, "shift", 0);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final BooleanProperty shade = new SimpleBooleanProperty(this, "shade", true);

    private final ReadOnlyObjectWrapper<PlaneComputation> plane = new ReadOnlyObjectWrapper<>(this, "plane");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final CoalescingTask<PlaneComputation> recomputation;
    private final PlaneComputation.ReferenceCache reference = new PlaneComputation.ReferenceCache();
    private final RoutersViewModel routers;
    private final ConvergenceViewModel convergence;
    /** The fields without a control on the Plane tab (the rectangle), as last loaded. */
    private MoeState base;
    private final ChangeBatch loading = new ChangeBatch();

    public MoeViewModel(BackgroundTasks tasks) {
        routers = new RoutersViewModel(tasks, this);
        convergence = new ConvergenceViewModel(tasks);
        recomputation = new CoalescingTask<>(tasks, "MoE plane", this::planeWork, this::show,
                failure -> problem.set(String.valueOf(failure.getMessage())), CoalescingTask.KEEP_EVERY_RUN);
        busy.bind(recomputation.runningProperty().or(routers.busyProperty()).or(convergence.busyProperty()));
        load(MoeState.defaults());
        List<Observable> inputs = List.of(gateWeights, gateBiases, topK, temperature, router, chosenExpert, shift, scale, shade);
        inputs.forEach(o -> o.addListener(x -> recompute()));
        recompute();
    }

    // ---- inputs ----
    /** k × 2 gate weights (the arrows of the plane). Set a new array; never change the one held. */
    public ObjectProperty<double[][]> gateWeightsProperty() { return gateWeights; }
    /** k gate biases. Set a new array; never change the one held. */
    public ObjectProperty<double[]> gateBiasesProperty() { return gateBiases; }
    public IntegerProperty topKProperty() { return topK; }
    /** T: the logits are divided by it (softmax(l/T)); it changes the weights, never the partition. */
    public DoubleProperty temperatureProperty() { return temperature; }
    public ObjectProperty<Router> routerProperty() { return router; }
    /** The expert (0-based) whose within-region weight shades the plane. */
    public IntegerProperty chosenExpertProperty() { return chosenExpert; }
    /** c of the check l → a·l + c on every logit (not part of the scenario). */
    public DoubleProperty shiftProperty() { return shift; }
    /** a &gt; 0 of the check l → a·l + c (not part of the scenario). */
    public DoubleProperty scaleProperty() { return scale; }
    /** Shade by the chosen expert's weight (else flat set colours); a display choice. */
    public BooleanProperty shadeProperty() { return shade; }

    // ---- outputs ----
    public ReadOnlyObjectProperty<PlaneComputation> planeProperty() { return plane.getReadOnlyProperty(); }
    /** Why nothing is computed (names the field and the value), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** True while the plane, the batch or the convergence experiment computes. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public RoutersViewModel routers() { return routers; }
    public ConvergenceViewModel convergence() { return convergence; }

    public int experts() { return gateBiases.get().length; }

    public GatePlane.Rect rect() { return base.rect(); }

    /** Sets one gate parameter of expert i: which = 0, 1 (weight w₁, w₂) or 2 (bias). */
    public void setGate(int i, int which, double value) {
        if (which == 2) {
            double[] b = gateBiases.get().clone();
            b[i] = value;
            gateBiases.set(b);
        } else {
            double[][] w = copy(gateWeights.get());
            w[i][which] = value;
            gateWeights.set(w);
        }
    }

    /** Sets expert i's gate vector (a drag of its arrow). */
    public void setGateVector(int i, double w1, double w2) {
        double[][] w = copy(gateWeights.get());
        w[i][0] = w1;
        w[i][1] = w2;
        gateWeights.set(w);
    }

    /** Adds an expert (up to {@link MoeState#MAX_EXPERTS}) with a gate vector pointing where none does yet. */
    public void addExpert() {
        int k = experts();
        if (k >= MoeState.MAX_EXPERTS) return;
        double[][] w = new double[k + 1][];
        for (int i = 0; i < k; i++) w[i] = gateWeights.get()[i].clone();
        double angle = 2 * Math.PI * (k + 0.5) / (k + 1);
        w[k] = new double[] {1.5 * Math.cos(angle), 1.5 * Math.sin(angle)};
        double[] b = java.util.Arrays.copyOf(gateBiases.get(), k + 1);
        loading.run(() -> {
            gateWeights.set(w);
            gateBiases.set(b);
        });
        recompute();
    }

    /** Removes the last expert (down to 2); K and the chosen expert are clamped. */
    public void removeExpert() {
        int k = experts();
        if (k <= 2) return;
        loading.run(() -> {
            gateWeights.set(java.util.Arrays.copyOf(copy(gateWeights.get()), k - 1));
            gateBiases.set(java.util.Arrays.copyOf(gateBiases.get(), k - 1));
            if (topK.get() > k - 1) topK.set(k - 1);
            if (chosenExpert.get() > k - 2) chosenExpert.set(k - 2);
        });
        recompute();
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    /**
     * What is wrong with the inputs, naming the control and the value, or null. The view shows it; nothing is
     * computed meanwhile.
     */
    public String validate() {
        int k = experts();
        double[][] w = gateWeights.get();
        double[] b = gateBiases.get();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < 2; j++) {
                if (!Double.isFinite(w[i][j])) return "E" + (i + 1) + " gate weight w" + (j + 1) + ": " + w[i][j] + " is not a finite number";
            }
            if (!Double.isFinite(b[i])) return "E" + (i + 1) + " bias: " + b[i] + " is not a finite number";
        }
        int kk = topK.get();
        if (kk <= 0) return "K = " + kk + ": at least one expert must be active (K ≥ 1)";
        if (kk > k) return "K = " + kk + " exceeds the number of experts k = " + k;
        double t = temperature.get();
        if (!(t >= MoeState.MIN_TEMPERATURE && t <= MoeState.MAX_TEMPERATURE)) {
            return String.format(Locale.ROOT, "temperature T = %s is outside %s … %s", t, MoeState.MIN_TEMPERATURE, MoeState.MAX_TEMPERATURE);
        }
        if (!Double.isFinite(shift.get())) return "shift c = " + shift.get() + " is not a finite number";
        if (!(scale.get() > 0) || !Double.isFinite(scale.get())) return "scale a = " + scale.get() + " must be a finite number > 0";
        if (chosenExpert.get() < 0 || chosenExpert.get() >= k) return "chosen expert E" + (chosenExpert.get() + 1) + " is not one of E1…E" + k;
        return null;
    }

    /** The whole state. @throws IllegalArgumentException naming the field when an input is bad */
    public MoeState state() {
        String bad = validate();
        if (bad != null) throw new IllegalArgumentException(bad);
        ConvergenceViewModel.Settings c = convergence.settings();
        return new MoeState(gateWeights.get(), gateBiases.get(), topK.get(), temperature.get(), router.get(),
                routers.capacityFactorProperty().get(), chosenExpert.get(), base.plane(), c.cases(), c.sampleSizes(),
                c.repetitions(), c.initNoise(), c.seed());
    }

    public void load(MoeState s) {
        loading.run(() -> {
            base = s;
            gateWeights.set(s.gateWeights());
            gateBiases.set(s.gateBiases());
            topK.set(s.topK());
            temperature.set(s.temperature());
            router.set(s.router());
            chosenExpert.set(s.chosenExpert());
            shift.set(0);
            scale.set(1);
            routers.load(s);
            convergence.load(s);
            problem.set("");
        });
        recompute();
    }

    private void recompute() {
        if (loading.active()) return;
        recomputation.request();
        routers.recompute();
    }

    /** The inputs of the next frame, read on the FX thread. */
    PlaneComputation.Inputs inputs() {
        return new PlaneComputation.Inputs(copy(gateWeights.get()), gateBiases.get().clone(), topK.get(), temperature.get(),
                router.get(), chosenExpert.get(), shift.get(), scale.get(), shade.get(), base.rect(), PlaneComputation.SIZE);
    }

    private BackgroundTasks.Work<PlaneComputation> planeWork() {
        String bad = validate();
        if (bad != null) {
            return ctx -> {
                throw new InputException("", "", bad);
            };
        }
        PlaneComputation.Inputs in = inputs();
        return ctx -> PlaneComputation.compute(in, reference);
    }

    private void show(PlaneComputation p) {
        plane.set(p);
        problem.set("");
    }
}
