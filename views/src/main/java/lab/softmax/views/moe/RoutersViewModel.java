package lab.softmax.views.moe;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.moe.BatchRouting;
import lab.softmax.engine.moe.GatePlane;
import lab.softmax.engine.moe.Gates;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.engine.moe.Route;
import lab.softmax.engine.moe.Router;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CoalescingTask;

/**
 * The Routers tab: a batch of {@link #BATCH} points, a seeded Gaussian cloud around the plane's centre (σ = a quarter
 * of its width), routed by each router ({@link BatchRouting#route}) with the Plane tab's gates, K and temperature and
 * this tab's capacity factor. Every router picks the same top-K sets, so the load, the drops and the auxiliary loss are
 * the same for all three; the routed weight, and so the weight lost to dropped assignments, differs.
 */
public final class RoutersViewModel {
    /** Points in the batch. */
    static final int BATCH = 2048;
    /** The cloud's seed (fixed: the batch is part of the lab, not of the scenario). */
    static final long CLOUD_SEED = 7;

    private final MoeViewModel parent;
    private final DoubleProperty capacityFactor = new SimpleDoubleProperty(this, "capacityFactor");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final CoalescingTask<Comparison> recomputation;
    private final javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(this, "shown", true);
    /** Inputs changed while the tab was hidden: recompute when it is shown. */
    private boolean stale;

    /** One router's routing of the batch. */
    public record RouterResult(Router router, BatchRouting.Result batch, double[] weightPerExpert, double meanKeptWeight,
                               double droppedWeight) { }

    /** Every router on the same batch; xs is the batch. */
    public record Comparison(double[][] xs, List<RouterResult> routers, int experts, int topK, double capacityFactor) {
        public RouterResult of(Router r) {
            for (RouterResult x : routers) {
                if (x.router() == r) return x;
            }
            throw new IllegalArgumentException(r.id());
        }
    }

    RoutersViewModel(BackgroundTasks tasks, MoeViewModel parent) {
        this.parent = parent;
        recomputation = new CoalescingTask<>(tasks, "MoE routers", this::work, comparison::set, failure -> { },
                CoalescingTask.KEEP_EVERY_RUN);
        capacityFactor.addListener(x -> recompute());
        shown.addListener((o, was, now) -> {
            if (now && stale) recompute();
        });
    }

    /**
     * Whether the Routers tab is shown (the view sets it). While it is not, changes only mark the comparison stale, so
     * that dragging a gate on the Plane tab does not route 2,048 points three times per move on the same cores.
     */
    public javafx.beans.property.BooleanProperty shownProperty() { return shown; }

    /** c: each expert takes at most max(1, ⌊c·K·N/k⌋) inputs; 0 = no limit. */
    public DoubleProperty capacityFactorProperty() { return capacityFactor; }
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return recomputation.runningProperty(); }

    void load(MoeState s) { capacityFactor.set(s.capacityFactor()); }

    void recompute() {
        if (parent == null || parent.gateBiasesProperty().get() == null) return;
        if (!shown.get()) {
            stale = true;
            return;
        }
        stale = false;
        recomputation.request();
    }

    /** The batch: BATCH points of N(centre, σ²I), σ = (xMax − xMin)/4. */
    static double[][] cloud(GatePlane.Rect r) {
        SplitMix64 rng = new SplitMix64(CLOUD_SEED);
        double cx = 0.5 * (r.xMin() + r.xMax());
        double cy = 0.5 * (r.yMin() + r.yMax());
        double sx = 0.25 * (r.xMax() - r.xMin());
        double sy = 0.25 * (r.yMax() - r.yMin());
        double[][] xs = new double[BATCH][];
        for (int i = 0; i < BATCH; i++) xs[i] = new double[] {cx + sx * rng.nextGaussian(), cy + sy * rng.nextGaussian()};
        return xs;
    }

    private BackgroundTasks.Work<Comparison> work() {
        String bad = parent.validate();
        double c = capacityFactor.get();
        if (bad == null && !(c == 0 || (c >= 0.1 && c <= 16))) bad = "capacity factor " + c + " must be 0 (no limit) or within 0.1 … 16";
        if (bad != null) {
            String message = bad;
            return ctx -> {
                throw new InputException("", "", message);
            };
        }
        PlaneComputation.Inputs in = parent.inputs();
        return ctx -> compare(new Gates(in.weights(), in.biases()), cloud(in.rect()), in.topK(), in.temperature(), c);
    }

    static Comparison compare(Gates gates, double[][] xs, int topK, double temperature, double capacityFactor) {
        int k = gates.experts();
        List<RouterResult> out = new ArrayList<>();
        for (Router r : Router.values()) {
            BatchRouting.Result b = BatchRouting.route(gates, xs, topK, temperature, r, capacityFactor);
            double[] perExpert = new double[k];
            double kept = 0;
            double dropped = 0;
            for (int n = 0; n < xs.length; n++) {
                Route route = b.routes().get(n);
                int[] active = route.active();
                double[] w = route.weights();
                for (int a = 0; a < active.length; a++) {
                    perExpert[active[a]] += w[a];
                    kept += w[a];
                }
                for (int e : b.dropped().get(n)) dropped += route.weightOf(e);
            }
            for (int i = 0; i < k; i++) perExpert[i] /= xs.length;
            out.add(new RouterResult(r, b, perExpert, kept / xs.length, dropped / xs.length));
        }
        return new Comparison(xs, out, k, topK, capacityFactor);
    }
}
