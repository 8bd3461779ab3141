package lab.softmax.views.distributions;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.distributions.NormalizationResult;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.ScenarioHeader;
import org.jfree.chart.JFreeChart;

/** The Distributions lab as a page of the app. */
public final class DistributionsPage implements LabPage {
    private final DistributionsViewModel model;
    private final DistributionsView view;
    private final ScenarioHeader<DistributionsState> header = new ScenarioHeader<>(DistributionsState.TYPE);

    public DistributionsPage(BackgroundTasks tasks, Supplier<List<Path>> presets) {
        model = new DistributionsViewModel(tasks);
        view = new DistributionsView(model, presets);
    }

    public DistributionsViewModel model() { return model; }

    DistributionsView distributionsView() { return view; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() {
        return header.wrap(model.state());
    }

    @Override
    public void load(Scenario<?> scenario) {
        DistributionsState s = header.unwrap(scenario);
        model.load(s);
    }

    @Override
    public List<JFreeChart> charts() {
        return List.of(view.logitsChart().chart(), view.probabilityChart().chart());
    }

    @Override
    public CsvTable plottedData() {
        double[] z = model.logitsProperty().get();
        List<NormalizationResult> results = model.resultsProperty().get();
        String[] columns = new String[2 + 2 * results.size()];
        columns[0] = "index";
        columns[1] = "logit";
        for (int j = 0; j < results.size(); j++) {
            columns[2 + 2 * j] = results.get(j).kind().id() + "_" + results.get(j).precision().id();
            columns[3 + 2 * j] = results.get(j).kind().id() + "_fp64";
        }
        CsvTable.Builder b = CsvTable.builder(columns);
        for (int i = 0; i < z.length; i++) {
            Object[] row = new Object[columns.length];
            row[0] = i;
            row[1] = z[i];
            for (int j = 0; j < results.size(); j++) {
                row[2 + 2 * j] = results.get(j).probabilities()[i];
                row[3 + 2 * j] = results.get(j).reference()[i];
            }
            b.row(row);
        }
        return b.build();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return model.busyProperty(); }
}
