package lab.softmax.views.kernels;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.layout.Region;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.CsvTable;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.ScenarioHeader;
import org.jfree.chart.JFreeChart;

/** The Kernels lab as a page of the app. */
public final class KernelsPage implements LabPage {
    private final KernelsViewModel model;
    private final KernelsView view;
    private final ScenarioHeader<KernelsState> header = new ScenarioHeader<>(KernelsState.TYPE);

    public KernelsPage(BackgroundTasks tasks) {
        model = new KernelsViewModel(tasks);
        view = new KernelsView(model);
    }

    public KernelsViewModel model() { return model; }

    @Override
    public Region view() { return view; }

    @Override
    public Scenario<?> scenario() { return header.wrap(model.state()); }

    @Override
    public void load(Scenario<?> scenario) {
        KernelsState s = header.unwrap(scenario);
        model.load(s);
        // A scenario without recorded results is a measurement to make on this machine: start it, so
        // the charts fill in live instead of the page opening empty.
        if (s.results().isEmpty()) model.runWhenIdle();
    }

    @Override
    public List<JFreeChart> charts() { return List.of(view.throughputChart().chart(), view.bytesChart().chart()); }

    @Override
    public CsvTable plottedData() {
        CsvTable.Builder b = CsvTable.builder("algorithm", "impl", "n", "threads", "ns_per_element", "ns_min", "ns_max",
                "gbps", "max_rel_error", "bytes_per_element", "vector_bits", "valid", "note");
        for (BenchResult r : model.results()) {
            b.row(r.algorithm().id(), r.impl().id(), r.n(), r.threads(), r.nsPerElement(), r.nsMin(), r.nsMax(), r.gbps(),
                    r.maxRelError(), r.bytesPerElement(), r.vectorBits(), r.valid(), r.note());
        }
        return b.build();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return model.busyProperty(); }

    @Override
    public void dispose() { model.cancel(); }
}
