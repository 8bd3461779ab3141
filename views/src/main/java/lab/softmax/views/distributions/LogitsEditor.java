package lab.softmax.views.distributions;

import java.util.AbstractList;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.converter.DefaultStringConverter;

/**
 * The logits as an editable table (index, value). Long vectors show their first
 * {@link #MAX_ROWS} entries: a table of 10^7 rows helps nobody, the charts show the whole.
 */
final class LogitsEditor extends TableView<Integer> {
    static final int MAX_ROWS = 10_000;
    private double[] values = new double[0];
    private final DistributionsViewModel model;

    LogitsEditor(DistributionsViewModel model) {
        this.model = model;
        setEditable(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPrefHeight(180);
        TableColumn<Integer, String> index = new TableColumn<>("i");
        index.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(Integer.toString(cd.getValue())));
        index.setMaxWidth(70);
        index.setSortable(false);
        TableColumn<Integer, String> value = new TableColumn<>("logit z_i");
        value.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(Double.toString(values[cd.getValue()])));
        value.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
        value.setSortable(false);
        value.setOnEditCommit(e -> commit(e.getRowValue(), e.getNewValue()));
        getColumns().add(index);
        getColumns().add(value);
    }

    void show(double[] logits) {
        values = logits;
        int rows = Math.min(logits.length, MAX_ROWS);
        ObservableList<Integer> indices = FXCollections.observableList(new AbstractList<>() {
            @Override public Integer get(int i) { return i; }
            @Override public int size() { return rows; }
        });
        setItems(indices);
    }

    private void commit(int index, String text) {
        String t = text.trim();
        double v;
        try {
            v = switch (t) {
                case "-inf", "-Infinity", "-∞" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException ex) {
            v = Double.NaN;
        }
        if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
            model.reportError("logits[" + index + "]: '" + text + "' is not a logit (a number, or -Infinity to mask)");
            refresh();
            return;
        }
        model.setLogit(index, v);
    }
}
