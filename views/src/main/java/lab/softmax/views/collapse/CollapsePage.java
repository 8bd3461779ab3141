package lab.softmax.views.collapse;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import org.jfree.chart.JFreeChart;

/** The Collapse lab as a page of the app. */
public final class CollapsePage implements LabPage {
    private final CollapseViewModel model;
    private final CollapseView view;
    private String title = "";
    private String description = "";

    public CollapsePage(BackgroundTasks tasks) {
        model = new CollapseViewModel(tasks);
        view = new CollapseView(model);
    }

    public CollapseViewModel model() { return model; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() { return new Scenario<>(CollapseState.TYPE, title, description, model.state()); }

    @Override
    public void load(Scenario<?> scenario) {
        if (!(scenario.state() instanceof CollapseState s)) {
            throw new IllegalArgumentException("not a collapse scenario: " + scenario.lab());
        }
        title = scenario.title();
        description = scenario.description();
        model.load(s);
    }

    @Override
    public List<JFreeChart> charts() { return view.charts(); }

    @Override
    public CsvTable plottedData() {
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
