package lab.softmax.views.ghosts;

import java.util.List;
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
import lab.softmax.engine.ghosts.ExponentialSum;
import lab.softmax.engine.ghosts.Ghosts;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.ghosts.LossTaylor;
import lab.softmax.engine.ghosts.PlaneGrid;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CoalescingTask;

/**
 * The complex-plane view's state and its engine calls: zeros and radii, the sampled plane and the
 * Taylor polynomials of the loss. Recomputation runs off the FX thread and coalesces while the
 * user drags a bar: at most one run in flight plus one follow-up.
 */
public final class GhostsPlaneViewModel {
    static final int GRID = 180;
    static final int[] TAYLOR_DEGREES = {1, 2, 4, 8, 16, 24};

    private final ObjectProperty<double[]> logits = new SimpleObjectProperty<>(this, "logits");
    private final ObjectProperty<double[]> direction = new SimpleObjectProperty<>(this, "direction");
    private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature");
    private final IntegerProperty target = new SimpleIntegerProperty(this, "target");
    private final IntegerProperty degree = new SimpleIntegerProperty(this, "degree");
    private final BooleanProperty phasePortrait = new SimpleBooleanProperty(this, "phasePortrait");

    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final CoalescingTask<Analysis> recomputation;

    /** Everything one recomputation produces. */
    public record Analysis(GhostsResult result, PlaneGrid grid, double halfWidth, TaylorCurves taylor) { }

    /** The loss and its Taylor polynomials sampled on the real t axis. */
    public record TaylorCurves(double[] t, double[] loss, double[][] polynomials, int[] degrees) { }

    public GhostsPlaneViewModel(BackgroundTasks tasks) {
        recomputation = new CoalescingTask<>(tasks, "Finding the zeros of F", this::analysisWork, this::show,
                failure -> error.set(failure.getMessage()));
        busy.bind(recomputation.runningProperty());
        load(GhostsPlaneState.defaults());
        for (var p : List.of(logits, direction, temperature, target, degree)) p.addListener(x -> recompute());
        recompute();
    }

    public ObjectProperty<double[]> logitsProperty() { return logits; }
    public ObjectProperty<double[]> directionProperty() { return direction; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public IntegerProperty targetProperty() { return target; }
    public IntegerProperty degreeProperty() { return degree; }
    public BooleanProperty phasePortraitProperty() { return phasePortrait; }
    public ReadOnlyObjectProperty<Analysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public void setLogit(int k, double v) { setEntry(logits, k, v); }

    public void setSlope(int k, double v) { setEntry(direction, k, v); }

    private void setEntry(ObjectProperty<double[]> vector, int k, double v) {
        double[] copy = vector.get().clone();
        copy[k] = v;
        vector.set(copy);
    }

    /** Replaces logits and direction together after validating them; a bad pair changes nothing. */
    public boolean setVectors(double[] z, double[] a, String source) {
        try {
            new GhostsPlaneState(z, a, temperature.get(), Math.min(target.get(), z.length - 1), degree.get(), phasePortrait.get());
        } catch (IllegalArgumentException e) {
            error.set(source + ": " + e.getMessage());
            return false;
        }
        error.set("");
        target.set(Math.min(target.get(), z.length - 1));
        logits.set(z.clone());
        direction.set(a.clone());
        return true;
    }

    public void reportError(String message) { error.set(message); }

    public GhostsPlaneState state() {
        return new GhostsPlaneState(logits.get(), direction.get(), temperature.get(), target.get(), degree.get(), phasePortrait.get());
    }

    public void load(GhostsPlaneState s) {
        logits.set(s.logits());
        direction.set(s.direction());
        temperature.set(s.temperature());
        target.set(s.target());
        degree.set(s.degree());
        phasePortrait.set(s.phasePortrait());
        error.set("");
    }

    private BackgroundTasks.Work<Analysis> analysisWork() {
        GhostsPlaneState s = state();
        return ctx -> analyse(s, ctx.cancellation());
    }

    private void show(Analysis a) {
        analysis.set(a);
        error.set("");
    }

    private void recompute() {
        try {
            state();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        recomputation.request();
    }

    static Analysis analyse(GhostsPlaneState s, lab.softmax.engine.task.Cancellation cancellation) {
        double t = s.temperature();
        double[] z = scaled(s.logits(), t);
        double[] a = scaled(s.direction(), t);
        GhostsResult nearest = Ghosts.analyse(z, a, Ghosts.DEFAULT_WITHIN, cancellation);
        double half = halfWidth(nearest);
        // Every zero in the visible square, corners included, gets marked.
        double corner = Math.sqrt(2) * half / nearest.rhoA();
        GhostsResult result = corner > Ghosts.DEFAULT_WITHIN && Double.isFinite(corner)
                ? Ghosts.analyse(z, a, corner, cancellation) : nearest;
        PlaneGrid grid = PlaneGrid.sample(ExponentialSum.of(z, a), -half, half, -half, half, GRID, GRID, cancellation);
        return new Analysis(result, grid, half, taylor(z, a, s.target(), s.degree(), result));
    }

    /** Shows 3ρ_a, or more when ρ* lies further out, so the nearest zero is always in the picture. */
    static double halfWidth(GhostsResult r) {
        if (Double.isInfinite(r.rhoA())) return 10;
        return Math.max(3 * r.rhoA(), 1.25 * r.rhoStar());
    }

    private static TaylorCurves taylor(double[] z, double[] a, int target, int maxDegree, GhostsResult r) {
        LossTaylor taylor = new LossTaylor(z, a, target, maxDegree);
        double reach = Double.isInfinite(r.rhoStar()) ? 5 : 2.2 * r.rhoStar();
        int n = 401;
        double[] t = new double[n];
        double[] loss = new double[n];
        int[] degrees = java.util.Arrays.stream(TAYLOR_DEGREES).filter(d -> d <= maxDegree).toArray();
        double[][] poly = new double[degrees.length][n];
        for (int i = 0; i < n; i++) {
            t[i] = -reach + 2 * reach * i / (n - 1);
            loss[i] = taylor.loss(t[i]);
            for (int d = 0; d < degrees.length; d++) poly[d][i] = taylor.polynomial(degrees[d], t[i]);
        }
        return new TaylorCurves(t, loss, poly, degrees);
    }

    private static double[] scaled(double[] v, double t) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / t;
        return out;
    }
}
