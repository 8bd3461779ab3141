package lab.softmax.views.ghosts.training;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.ghosts.GhostsState;
import lab.softmax.engine.ghosts.train.Choices.Controller;
import lab.softmax.engine.ghosts.train.OneStepSweep;
import lab.softmax.engine.ghosts.train.StepRecord;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import org.jfree.chart.JFreeChart;

/** The step-size safety page: the training view and its state as a "ghosts-training" scenario; loading one runs it. */
public final class TrainingPage implements LabPage {
    private final TrainingViewModel model;
    private final TrainingView view;
    private String title = "";
    private String description = "";

    public TrainingPage(BackgroundTasks tasks, Path digitsFile) {
        model = new TrainingViewModel(tasks, digitsFile);
        view = new TrainingView(model);
    }

    public TrainingViewModel model() { return model; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() { return new Scenario<>(GhostsState.TYPE, title, description, model.stateProperty().get()); }

    @Override
    public void load(Scenario<?> scenario) {
        if (!(scenario.state() instanceof GhostsState s)) {
            throw new IllegalArgumentException("not a ghosts-training scenario: " + scenario.lab());
        }
        title = scenario.title();
        description = scenario.description();
        model.stateProperty().set(s);
        // A scenario is an experiment: opening it runs it (live, cancellable), so presets show their curves.
        model.run();
    }

    @Override
    public List<JFreeChart> charts() { return view.charts(); }

    @Override
    public CsvTable plottedData() {
        CsvTable.Builder b = CsvTable.builder("policy", "step_or_r", "train_loss_or_loss_ratio", "test_acc", "rho_a", "step_norm", "r");
        for (Controller c : Controller.values()) {
            for (StepRecord s : model.steps(c)) b.row(c.id(), s.step(), s.trainLoss(), s.testAcc(), s.rhoA(), s.stepNorm(), s.r());
        }
        OneStepSweep.Result res = model.sweepResult();
        for (OneStepSweep.Point p : model.sweepPoints()) {
            b.row("sweep", p.r(), p.lossRatio(), p.testAcc(), res == null ? "" : res.rhoA(), p.tau(), p.r());
        }
        return b.build();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return model.busyProperty(); }

    @Override
    public void dispose() { model.cancel(); }
}
