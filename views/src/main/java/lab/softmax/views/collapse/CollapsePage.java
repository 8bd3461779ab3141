package lab.softmax.views.collapse;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.ScenarioHeader;
import org.jfree.chart.JFreeChart;

/** The Collapse lab as a page of the app. */
public final class CollapsePage implements LabPage {
    private final CollapseViewModel model;
    private final CollapseView view;
    private final ScenarioHeader<CollapseState> header = new ScenarioHeader<>(CollapseState.TYPE);

    public CollapsePage(BackgroundTasks tasks) {
        model = new CollapseViewModel(tasks);
        view = new CollapseView(model);
    }

    public CollapseViewModel model() { return model; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() { return header.wrap(model.state()); }

    @Override
    public void load(Scenario<?> scenario) {
        CollapseState s = header.unwrap(scenario);
        model.load(s);
    }

    @Override
    public List<JFreeChart> charts() { return view.charts(); }

    /** The tab in front decides: the comparison table, the ⊥Grad table, or (the "Why?" tab) every run's curves. */
    @Override
    public CsvTable plottedData() {
        return switch (view.inspectorTab()) {
            case "stablemax" -> model.comparison().table();
            case "orthograd" -> model.projection().table();
            default -> metricsTable();
        };
    }

    @Override
    public List<String> tabs() { return CollapseView.TABS; }

    @Override
    public void showTab(String id) { view.showInspectorTab(id); }

    /**
     * Trains a copy of the selected run's settings for the given epochs, then inspects the chosen
     * sample, so a headless snapshot can show the panels that need a live model.
     */
    @Override
    public boolean trainForSnapshot(int epochs) {
        RunEntry base = model.selectedProperty().get();
        CollapseConfig c = (base == null ? model.draftProperty().get() : base.config()).withEpochs(epochs, Math.max(1, epochs / 10));
        model.draftProperty().set(c);
        RunEntry r = model.addRun(c.defaultLabel() + ", " + epochs + " epochs (snapshot)");
        r.statusProperty().addListener((o, a, status) -> {
            if (status == RunEntry.Status.DONE && model.selectedProperty().get() == r) model.inspect();
        });
        model.start(r);
        return true;
    }

    private CsvTable metricsTable() {
        CsvTable.Builder b = CsvTable.builder("run", "epoch", "train_loss", "train_acc", "test_loss", "test_acc", "sc_fraction",
                "zero_loss_fraction", "mean_abs_logit", "mean_top2_gap", "weight_norm", "nlm_cosine", "elapsed_s");
        for (RunEntry r : model.runs()) {
            for (EpochMetrics m : r.metrics()) {
                b.row(r.label(), m.epoch(), m.trainLoss(), m.trainAcc(), m.testLoss(), m.testAcc(), m.scFraction(),
                        m.zeroLossFraction(), m.meanAbsLogit(), m.meanTop2Gap(), m.weightNorm(), m.nlmCosine(), m.elapsedS());
            }
        }
        return b.build();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return model.busyProperty(); }

    @Override
    public void dispose() {
        for (RunEntry r : model.runs()) model.pause(r);
    }
}
