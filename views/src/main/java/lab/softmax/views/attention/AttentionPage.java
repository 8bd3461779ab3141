package lab.softmax.views.attention;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.Region;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.attention.NeedleEval;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.engine.attention.ValueDenoising;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.ScenarioHeader;
import org.jfree.chart.JFreeChart;

/**
 * The Attention lab as a page of the app. A scenario holds the map's controls and the needle task's
 * preset, steps and seed ({@link AttentionState}), not trained models or a loaded Q/K/V file: opening
 * one sets the controls, and training starts when asked (a default run takes 10–25 s).
 */
public final class AttentionPage implements LabPage {
    private final AttentionViewModel model;
    private final AttentionView view;
    private final ScenarioHeader<AttentionState> header = new ScenarioHeader<>(AttentionState.TYPE);

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public AttentionPage(BackgroundTasks tasks) {
        model = new AttentionViewModel(tasks);
        view = new AttentionView(model);
        busy.bind(model.busyProperty().or(view.mapPanel().heatMap().paintingProperty()));
    }

    public AttentionViewModel model() { return model; }

    AttentionView attentionView() { return view; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() { return header.wrap(model.state()); }

    @Override
    public void load(Scenario<?> scenario) {
        AttentionState s = header.unwrap(scenario);
        model.load(s);
    }

    @Override
    public List<JFreeChart> charts() { return view.charts(); }

    /** The tab in front decides: the map's per-row metrics, the evaluations per n, or the four MSEs. */
    @Override
    public CsvTable plottedData() {
        return switch (view.currentTab()) {
            case "dilution" -> dilutionTable();
            case "denoising" -> denoisingTable();
            default -> mapTable();
        };
    }

    private CsvTable mapTable() {
        CsvTable.Builder b = CsvTable.builder("query", "entropy_nats", "entropy_over_log_n", "max_weight", "query_tau",
                "visible_keys", "exact_zeros");
        MapComputation m = model.mapProperty().get();
        if (m == null) return b.build();
        for (int i = 0; i < m.queries(); i++) {
            b.row(i, m.entropy()[i], m.entropyOverLogN()[i], m.maxWeight()[i], m.queryTau()[i], m.visible()[i], m.exactZeros()[i]);
        }
        return b.build();
    }

    private CsvTable dilutionTable() {
        CsvTable.Builder b = CsvTable.builder("mode", "n", "needle_weight", "needle_above_half", "entropy_over_log_n", "mse",
                "value_accuracy", "mean_tau");
        for (NeedleMode mode : NeedleMode.values()) {
            for (NeedleEval e : model.dilution().evals(mode)) {
                b.row(mode.id(), e.n(), e.needleWeight(), e.needleAboveHalf(), e.entropyOverLogN(), e.mse(), e.valueAccuracy(),
                        e.meanTau());
            }
        }
        return b.build();
    }

    private CsvTable denoisingTable() {
        CsvTable.Builder b = CsvTable.builder("estimator", "mse");
        ValueDenoising.Result r = model.denoising().resultProperty().get();
        if (r == null) return b.build();
        b.row("naive_mean", r.naiveMeanMse());
        b.row("vanilla", r.vanillaMse());
        b.row("value_selective", r.valueSelectiveMse());
        b.row("bayes", r.bayesMse());
        return b.build();
    }

    @Override
    public List<String> tabs() { return AttentionView.TABS; }

    @Override
    public void showTab(String id) { view.showTab(id); }

    /**
     * For {@code snapshot --train STEPS}: the value-denoising tab runs its demo with that many steps; any other tab
     * trains vanilla vs SSA on the needle task for that many steps (then evaluates both at every n).
     */
    @Override
    public boolean trainForSnapshot(int steps) {
        if (view.currentTab().equals("denoising")) {
            model.denoising().run(steps);
        } else {
            model.dilution().stepsProperty().set(steps);
            model.dilution().train();
        }
        return true;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    @Override
    public void dispose() {
        model.dilution().cancel();
        model.denoising().cancel();
    }
}
