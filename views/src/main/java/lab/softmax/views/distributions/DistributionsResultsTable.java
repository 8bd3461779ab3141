package lab.softmax.views.distributions;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import lab.softmax.engine.distributions.NormalizationSummary;

/**
 * The read-outs, one row per normaliser. Numerical events are shown as badges: red for overflow
 * and NaN, amber for underflow to zero and absorbed terms, grey for exact zeros by design.
 */
final class DistributionsResultsTable extends TableView<NormalizationSummary> {
    DistributionsResultsTable() {
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPrefHeight(170);
        setMinHeight(110);
        getColumns().add(text("normaliser", r -> r.kind().label()));
        getColumns().add(number("H (nats)", NormalizationSummary::entropyNats));
        getColumns().add(number("top-k mass", NormalizationSummary::topKMass));
        getColumns().add(number("LSE", NormalizationSummary::logSumExp));
        getColumns().add(number("Σp", NormalizationSummary::total));
        getColumns().add(text("denominator", r -> Double.isNaN(r.denominator()) ? "—"
                : format(r.denominator()) + (r.sumRoundedToOne() ? "  (== 1: absorbed)" : "")));
        getColumns().add(number("rel.err vs fp64", NormalizationSummary::maxRelativeError));
        getColumns().add(badge("underflow", NormalizationSummary::underflowCount, "badge-warn"));
        getColumns().add(badge("overflow", NormalizationSummary::overflowCount, "badge-error"));
        getColumns().add(badge("absorbed", NormalizationSummary::absorbedCount, "badge-warn"));
        getColumns().add(badge("NaN", NormalizationSummary::nanCount, "badge-error"));
        getColumns().add(badge("exact 0", NormalizationSummary::exactZeroCount, "badge-info"));
        getColumns().forEach(c -> c.setMinWidth(58));
        getColumns().getFirst().setMinWidth(120);
        setPlaceholder(new javafx.scene.control.Label("no normaliser selected"));
    }

    /** Read-outs are computed off the FX thread; this only lays them out. */
    void show(List<NormalizationSummary> results) {
        if (!results.isEmpty()) getColumns().get(2).setText("top-" + results.getFirst().topK());
        setItems(FXCollections.observableArrayList(results));
        refresh();
    }

    private static TableColumn<NormalizationSummary, String> text(String title, Function<NormalizationSummary, String> f) {
        TableColumn<NormalizationSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }

    private static TableColumn<NormalizationSummary, String> number(String title, Function<NormalizationSummary, Double> f) {
        return text(title, r -> format(f.apply(r)));
    }

    static String format(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.6f", v) : String.format(Locale.ROOT, "%.4e", v);
    }

    private static TableColumn<NormalizationSummary, Integer> badge(String title, Function<NormalizationSummary, Integer> f, String style) {
        TableColumn<NormalizationSummary, Integer> c = new TableColumn<>(title);
        c.setGraphic(null);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer count, boolean empty) {
                super.updateItem(count, empty);
                getStyleClass().removeAll("badge-warn", "badge-error", "badge-info");
                if (empty || count == null) {
                    setText(null);
                } else {
                    setText(Integer.toString(count));
                    if (count > 0) getStyleClass().add(style);
                }
            }
        });
        return c;
    }
}
