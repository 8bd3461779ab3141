package lab.softmax.views.kernels;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.softmax.engine.kernels.BenchResult;

/**
 * Every measured kernel: time, throughput, the time over the bandwidth floor (near 1 means
 * memory-bound; well above 1 means bound by arithmetic) and the accuracy read-out (max relative
 * error vs fp64).
 */
final class KernelsResultsTable extends TableView<BenchResult> {
    /** @param bandwidth the machine's best measured single-thread bandwidth in GB/s (NaN when unknown) */
    KernelsResultsTable(ObservableList<BenchResult> results, java.util.function.DoubleSupplier bandwidth) {
        super(results);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new javafx.scene.control.Label("Press \u201c" + KernelsView.RUN_LABEL + "\u201d to measure the kernels."));
        getColumns().add(column("algorithm", r -> r.algorithm().id()));
        getColumns().add(column("impl", r -> r.impl().id() + (r.vectorBits() > 0 ? " " + r.vectorBits() + "b" : "")));
        getColumns().add(column("N", r -> ThroughputChart.sizeLabel(r.n())));
        getColumns().add(column("threads", r -> Integer.toString(r.threads())));
        getColumns().add(column("ns/element", r -> String.format(Locale.ROOT, "%.3f (%.3f..%.3f)", r.nsPerElement(), r.nsMin(), r.nsMax())));
        getColumns().add(column("GB/s", r -> String.format(Locale.ROOT, "%.1f", r.gbps())));
        getColumns().add(column("× DRAM floor", r -> {
            double floor = r.floorNsPerElement(bandwidth.getAsDouble());
            return Double.isFinite(floor) ? String.format(Locale.ROOT, "%.2f", r.nsPerElement() / floor) : "";
        }));
        getColumns().add(column("max rel. error", r -> String.format(Locale.ROOT, "%.2e", r.maxRelError())));
        getColumns().add(column("note", BenchResult::note));
    }

    private static TableColumn<BenchResult, String> column(String title, Function<BenchResult, String> value) {
        TableColumn<BenchResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }
}
