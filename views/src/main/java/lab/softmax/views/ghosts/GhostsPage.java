package lab.softmax.views.ghosts;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.ghosts.training.Choices;
import lab.softmax.engine.ghosts.training.LrStepMap;
import lab.softmax.engine.ghosts.training.StepRecord;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.ScenarioHeader;
import lab.softmax.views.ghosts.training.TrainingView;
import lab.softmax.views.ghosts.training.TrainingViewModel;
import org.jfree.chart.JFreeChart;

/**
 * The Ghosts lab: the complex plane with the Taylor view, and the step-size safety training run.
 * Saving writes the state of the tab in front; opening a scenario brings its tab to the front.
 */
public final class GhostsPage implements LabPage {
    private final GhostsPlaneViewModel planeModel;
    private final GhostsPlaneView planeView;
    private final TrainingViewModel trainingModel;
    private final TrainingView trainingView;
    private final TabPane tabs;
    private final Tab planeTab;
    private final Tab trainingTab;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ScenarioHeader<GhostsPlaneState> header = new ScenarioHeader<>(GhostsPlaneState.TYPE);

    public GhostsPage(BackgroundTasks tasks, Path digitsFile) {
        planeModel = new GhostsPlaneViewModel(tasks);
        planeView = new GhostsPlaneView(planeModel);
        trainingModel = new TrainingViewModel(tasks, digitsFile);
        trainingView = new TrainingView(trainingModel);
        planeTab = new Tab("Complex plane and Taylor", planeView);
        trainingTab = new Tab("Step-size safety (training)", trainingView);
        planeTab.setClosable(false);
        trainingTab.setClosable(false);
        tabs = new TabPane(planeTab, trainingTab);
        busy.bind(Bindings.or(planeModel.busyProperty(), trainingModel.busyProperty()));
    }

    public GhostsPlaneViewModel planeModel() { return planeModel; }

    public TrainingViewModel trainingModel() { return trainingModel; }

    private boolean trainingInFront() { return tabs.getSelectionModel().getSelectedItem() == trainingTab; }

    @Override
    public Region view() { return tabs; }

    @Override
    public Scenario<?> scenario() {
        if (trainingInFront()) {
            return header.wrap(GhostsTrainingState.TYPE, trainingModel.stateProperty().get());
        }
        return header.wrap(planeModel.state());
    }

    @Override
    public void load(Scenario<?> scenario) {
        switch (scenario.state()) {
            case GhostsPlaneState s -> {
                planeModel.load(s);
                tabs.getSelectionModel().select(planeTab);
            }
            case GhostsTrainingState s -> {
                trainingModel.stateProperty().set(s);
                tabs.getSelectionModel().select(trainingTab);
                // A training scenario holds settings, not curves; its runs take seconds, so opening one
                // starts them (live, cancellable) instead of showing empty charts.
                trainingModel.run();
            }
            default -> throw header.notOurs(scenario);
        }
        header.remember(scenario);
    }

    @Override
    public List<JFreeChart> charts() {
        return trainingInFront() ? trainingView.charts()
                : List.of(planeView.planeChart().chart(), planeView.taylorChart().chart());
    }

    @Override
    public CsvTable plottedData() {
        return trainingInFront() ? trainingData() : planeData();
    }

    private CsvTable trainingData() {
        List<LrStepMap.Row> rows = trainingModel.mapRows();
        if (!rows.isEmpty()) {
            CsvTable.Builder m = CsvTable.builder("lr", "step", "r");
            for (LrStepMap.Row row : rows) for (int t = 0; t < row.r().length; t++) m.row(row.lr(), t, row.r()[t]);
            return m.build();
        }
        CsvTable.Builder b = CsvTable.builder("controller", "step", "train_loss", "train_acc", "test_acc", "rho_a",
                "step_norm", "r", "lr", "lr_effective");
        for (Choices.Controller c : Choices.Controller.values()) {
            for (StepRecord s : trainingModel.steps(c)) {
                b.row(c.id(), s.step(), s.trainLoss(), s.trainAcc(), s.testAcc(), s.rhoA(), s.stepNorm(), s.r(), s.lr(), s.lrEffective());
            }
        }
        return b.build();
    }

    private CsvTable planeData() {
        GhostsPlaneViewModel.Analysis a = planeModel.analysisProperty().get();
        CsvTable.Builder b = CsvTable.builder("kind", "re", "im", "abs", "multiplicity");
        if (a == null) return b.build();
        b.row("rho_a", a.result().rhoA(), 0.0, a.result().rhoA(), "");
        b.row("rho_star", a.result().rhoStar(), 0.0, a.result().rhoStar(), "");
        for (var z : a.result().zeros()) b.row("zero", z.re(), z.im(), z.abs(), z.multiplicity());
        var t = a.taylor();
        for (int i = 0; i < t.t().length; i++) b.row("loss", t.t()[i], t.loss()[i], "", "");
        for (int d = 0; d < t.degrees().length; d++) {
            for (int i = 0; i < t.t().length; i++) b.row("taylor_" + t.degrees()[d], t.t()[i], t.polynomials()[d][i], "", "");
        }
        return b.build();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    @Override
    public void dispose() { trainingModel.cancel(); }
}
