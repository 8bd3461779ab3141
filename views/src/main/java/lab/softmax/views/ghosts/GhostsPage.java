package lab.softmax.views.ghosts;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.io.Scenario;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import org.jfree.chart.JFreeChart;

/** The Ghosts lab: the complex plane and the Taylor view. */
public final class GhostsPage implements LabPage {
    private final GhostsPlaneViewModel planeModel;
    private final GhostsPlaneView planeView;
    private final TabPane tabs;
    private String title = "";
    private String description = "";

    public GhostsPage(BackgroundTasks tasks) {
        planeModel = new GhostsPlaneViewModel(tasks);
        planeView = new GhostsPlaneView(planeModel);
        Tab plane = new Tab("Complex plane and Taylor", planeView);
        plane.setClosable(false);
        tabs = new TabPane(plane);
    }

    public GhostsPlaneViewModel planeModel() { return planeModel; }

    @Override
    public Region view() { return tabs; }

    @Override
    public Scenario<?> scenario() {
        return new Scenario<>(GhostsPlaneState.TYPE, title, description, planeModel.state());
    }

    @Override
    public void load(Scenario<?> scenario) {
        if (!(scenario.state() instanceof GhostsPlaneState s)) {
            throw new IllegalArgumentException("not a ghosts scenario: " + scenario.lab());
        }
        title = scenario.title();
        description = scenario.description();
        planeModel.load(s);
    }

    @Override
    public List<JFreeChart> charts() {
        return List.of(planeView.planeChart().chart(), planeView.taylorChart().chart());
    }

    @Override
    public CsvTable plottedData() {
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
    public ReadOnlyBooleanProperty busyProperty() { return planeModel.busyProperty(); }
}
