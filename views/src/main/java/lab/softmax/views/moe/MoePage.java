package lab.softmax.views.moe;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.ScenarioHeader;
import org.jfree.chart.JFreeChart;

/**
 * The MoE gating lab as a page of the app. A scenario holds the gates, K, T, router, capacity factor, chosen expert,
 * plane rectangle and the experiment's settings ({@link MoeState}), not results: opening one draws the plane and the
 * batch at once; the convergence experiment runs when asked.
 */
public final class MoePage implements LabPage {
    private final MoeViewModel model;
    private final MoeView view;
    private final ScenarioHeader<MoeState> header = new ScenarioHeader<>(MoeState.TYPE);

    public MoePage(BackgroundTasks tasks) {
        model = new MoeViewModel(tasks);
        view = new MoeView(model);
    }

    public MoeViewModel model() { return model; }

    MoeView moeView() { return view; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() { return header.wrap(model.state()); }

    @Override
    public void load(Scenario<?> scenario) {
        MoeState s = header.unwrap(scenario);
        model.load(s);
    }

    @Override
    public List<JFreeChart> charts() { return view.charts(); }

    /** The tab in front decides: the weight profile of the plane's row, the batch per router, or every fit. */
    @Override
    public CsvTable plottedData() {
        return switch (view.currentTab()) {
            case "routers" -> routersTable();
            case "convergence" -> fitsTable();
            default -> profileTable();
        };
    }

    private CsvTable profileTable() {
        CsvTable.Builder b = CsvTable.builder("x1", "x2", "chosen_expert", "weight");
        PlaneComputation p = model.planeProperty().get();
        if (p == null) return b.build();
        int row = PlaneComputation.SIZE / 2;
        double[] w = p.weightRow(row);
        for (int c = 0; c < w.length; c++) b.row(p.columnX(c), p.rowY(row), p.chosen(), w[c]);
        return b.build();
    }

    private CsvTable routersTable() {
        CsvTable.Builder b = CsvTable.builder("router", "expert", "load", "served", "mean_weight", "aux_loss", "mean_entropy",
                "dropped_weight");
        RoutersViewModel.Comparison c = model.routers().comparisonProperty().get();
        if (c == null) return b.build();
        for (RoutersViewModel.RouterResult r : c.routers()) {
            for (int i = 0; i < c.experts(); i++) {
                b.row(r.router().id(), i, r.batch().load()[i], r.batch().served()[i], r.weightPerExpert()[i], r.batch().auxLoss(),
                        r.batch().meanEntropy(), r.droppedWeight());
            }
        }
        return b.build();
    }

    private CsvTable fitsTable() {
        CsvTable.Builder b = CsvTable.builder("case", "n", "rep", "loglik", "loglik_true", "d1", "d2", "density", "cell_beta1",
                "cell_a", "cell_b", "cell_nu", "cell_mass", "singleton");
        for (FitRecord r : model.convergence().fits()) {
            b.row(r.fitCase().id(), r.n(), r.rep(), r.loglik(), r.loglikTrue(), r.d1(), r.d2(), r.density(), r.cellBeta1(),
                    r.cellA(), r.cellB(), r.cellNu(), r.cellMass(), r.singleton());
        }
        return b.build();
    }

    @Override
    public List<String> tabs() { return MoeView.TABS; }

    @Override
    public void showTab(String id) { view.showTab(id); }

    /**
     * For {@code snapshot --train R}: runs the convergence experiment of the scenario with R repetitions per n (its
     * cases and sample sizes), whatever the tab.
     */
    @Override
    public boolean trainForSnapshot(int repetitions) {
        model.convergence().repetitionsProperty().set(Math.min(repetitions, 1000));
        model.convergence().run();
        return true;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return model.busyProperty(); }

    @Override
    public void dispose() { model.convergence().cancel(); }

    /** For tests: the cases a run covers. */
    List<FitCase> runCases() { return model.convergence().runCases(); }
}
