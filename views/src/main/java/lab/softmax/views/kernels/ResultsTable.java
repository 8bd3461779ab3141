package lab.softmax.views.kernels;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.softmax.engine.kernels.BenchResult;

/** Every measured kernel: time, throughput and the accuracy read-out (max relative error vs fp64). */
final class ResultsTable extends TableView<BenchResult> {
    ResultsTable(ObservableList<BenchResult> results) {
        super(results);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new javafx.scene.control.Label("Press Run to measure the kernels."));
        getColumns().add(column("algorithm", r -> r.algorithm().id()));
        getColumns().add(column("impl", r -> r.impl().id() + (r.vectorBits() > 0 ? " " + r.vectorBits() + "b" : "")));
        getColumns().add(column("N", r -> ThroughputChart.sizeLabel(r.n())));
        getColumns().add(column("threads", r -> Integer.toString(r.threads())));
        getColumns().add(column("ns/element", r -> String.format(Locale.ROOT, "%.3f (%.3f..%.3f)", r.nsPerElement(), r.nsMin(), r.nsMax())));
        getColumns().add(column("GB/s", r -> String.format(Locale.ROOT, "%.1f", r.gbps())));
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
