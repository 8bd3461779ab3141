package lab.softmax.views.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.views.common.OnePerFrame;

/**
 * Every measured kernel: time, throughput, the time over the bandwidth floor (near 1 means
 * memory-bound; well above 1 means bound by arithmetic) and the accuracy read-out (max relative
 * error vs fp64).
 *
 * <p>Its rows stay while a benchmark is run again: each row shows the result at its position, blank until that result
 * arrives, and only rows beyond the last result of an idle benchmark go. A change of a table's row count lays out and
 * restyles every visible cell (and every hundredth makes them anew: ~40 ms of the FX thread), a change of a row's
 * result only its texts. The rows follow the results at most once a frame ({@link OnePerFrame}).
 */
final class KernelsResultsTable extends TableView<KernelsResultsTable.Row> {
    /** One line of the table: the result at its position, or null while it is being measured. */
    static final class Row {
        private final ObjectProperty<BenchResult> result = new SimpleObjectProperty<>();

        Row(BenchResult r) { result.set(r); }

        BenchResult result() { return result.get(); }
    }

    private final ObservableList<BenchResult> results;
    private final ObservableValue<Boolean> busy;

    /**
     * @param bandwidth the machine's best measured single-thread bandwidth in GB/s (NaN when unknown)
     * @param busy whether the benchmark runs (its results so far are then a prefix of the rows to come)
     */
    KernelsResultsTable(ObservableList<BenchResult> results, ObservableDoubleValue bandwidth, ObservableValue<Boolean> busy) {
        this.results = results;
        this.busy = busy;
        results.addListener((ListChangeListener<BenchResult>) c -> OnePerFrame.run(this, this::follow));
        busy.addListener((o, was, now) -> OnePerFrame.run(this, this::follow));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("Press \u201c" + KernelsView.RUN_LABEL + "\u201d to measure the kernels."));
        getColumns().add(column("algorithm", r -> r.algorithm().id()));
        getColumns().add(column("impl", r -> r.impl().id() + (r.vectorBits() > 0 ? " " + r.vectorBits() + "b" : "")));
        getColumns().add(column("N", r -> ThroughputChart.sizeLabel(r.n())));
        getColumns().add(column("threads", r -> Integer.toString(r.threads())));
        getColumns().add(column("ns/element", r -> String.format(Locale.ROOT, "%.3f (%.3f..%.3f)", r.nsPerElement(), r.nsMin(), r.nsMax())));
        getColumns().add(column("GB/s", r -> String.format(Locale.ROOT, "%.1f", r.gbps())));
        TableColumn<Row, String> floor = new TableColumn<>("× DRAM floor");
        floor.setCellValueFactory(d -> Bindings.createStringBinding(() -> {
            BenchResult r = d.getValue().result();
            double floorNs = r == null ? Double.NaN : r.floorNsPerElement(bandwidth.get());
            return Double.isFinite(floorNs) ? String.format(Locale.ROOT, "%.2f", r.nsPerElement() / floorNs) : "";
        }, d.getValue().result, bandwidth));
        floor.setSortable(false);
        getColumns().add(floor);
        getColumns().add(column("max rel. error", r -> String.format(Locale.ROOT, "%.2e", r.maxRelError())));
        getColumns().add(column("note", BenchResult::note));
        follow();
    }

    /** The rows after the results: results by position; rows past the last result blank while running, gone once idle. */
    private void follow() {
        ObservableList<Row> rows = getItems();
        List<Row> added = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (i < rows.size()) rows.get(i).result.set(results.get(i));
            else added.add(new Row(results.get(i)));
        }
        rows.addAll(added);
        if (Boolean.TRUE.equals(busy.getValue())) {
            for (int i = results.size(); i < rows.size(); i++) rows.get(i).result.set(null);
        } else if (rows.size() > results.size()) {
            rows.remove(results.size(), rows.size());
        }
    }

    private static TableColumn<Row, String> column(String title, Function<BenchResult, String> text) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> Bindings.createStringBinding(() -> {
            BenchResult r = d.getValue().result();
            return r == null ? "" : text.apply(r);
        }, d.getValue().result));
        c.setSortable(false);
        return c;
    }
}
