package lab.softmax.views.collapse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.softmax.engine.collapse.StableMaxComparison;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Widths;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * StableMax vs softmax on the same logits: a log-scale slider multiplies the logits by 1..1000, the
 * chart shows both normalisers' probabilities per class (log axis; a probability of exactly 0 cannot
 * be drawn there), and a table reads out the sum relative to the largest term, the loss and the
 * target's gradient of each. Softmax runs in the chosen precision, StableMax in fp64.
 */
final class StableMaxPanel extends VBox {
    private final ComparisonViewModel model;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart = Charts.lineChart("p per class: softmax vs StableMax", "class", "p", data);
    private final Slider scale = new Slider(0, Math.log10(StableMaxComparison.MAX_SCALE), 0);
    private final Label scaleValue = new Label();
    private final ComboBox<Precision> precision = new ComboBox<>();
    private final Label source = new Label();
    private final Label verdict = new Label();
    private final GridPane table = new GridPane();
    private final Label softmaxHeader = new Label();
    private final Label[] softmaxCells = new Label[5];
    private final Label[] stableCells = new Label[5];

    StableMaxPanel(ComparisonViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    JFreeChart chart() { return chart; }

    Slider scaleSlider() { return scale; }

    /** The read-out cells, softmax column then StableMax column (for tests). */
    Label cell(boolean softmax, int row) { return softmax ? softmaxCells[row] : stableCells[row]; }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(6));
        source.setWrapText(true);
        source.getStyleClass().add("note");
        precision.getItems().setAll(Precision.values());
        precision.setConverter(IdConverters.PRECISION);
        Widths.pref(scale, 180);
        HBox.setHgrow(scale, Priority.ALWAYS);
        scaleValue.getStyleClass().add("value-label");
        Widths.min(scaleValue, 64);
        HBox scaleRow = new HBox(6, new Label("logits ×"), scale, scaleValue);
        scaleRow.setAlignment(Pos.CENTER_LEFT);
        Widths.min(precision, 80);
        HBox precisionRow = new HBox(6, new Label("softmax in"), precision, new Label("· StableMax in fp64"));
        precisionRow.setAlignment(Pos.CENTER_LEFT);

        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setRangeAxis(Charts.logAxis("p (log; exactly 0 not drawn)"));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesLinesVisible(1, false);
        ChartViewer viewer = Charts.viewer(chart);
        viewer.setPrefSize(420, 230);

        table.setHgap(10);
        table.setVgap(2);
        ColumnConstraints first = new ColumnConstraints();
        first.setMinWidth(130);
        table.getColumnConstraints().addAll(first, new ColumnConstraints(), new ColumnConstraints());
        String[] rows = {"Σ terms / largest", "p(target)", "loss −ln p_c", "∂L/∂z_c (target)", "max other |∂L/∂z_j|"};
        table.add(softmaxHeader, 1, 0);
        Label stableHeader = new Label("StableMax (fp64)");
        stableHeader.getStyleClass().add("section-heading");
        softmaxHeader.getStyleClass().add("section-heading");
        table.add(stableHeader, 2, 0);
        for (int i = 0; i < rows.length; i++) {
            table.add(new Label(rows[i]), 0, i + 1);
            softmaxCells[i] = valueCell();
            stableCells[i] = valueCell();
            table.add(softmaxCells[i], 1, i + 1);
            table.add(stableCells[i], 2, i + 1);
        }
        verdict.setWrapText(true);
        Label perSample = new Label("Gradients are per sample (batch of 1): the Why? tab includes the training mean's 1/N.");
        perSample.setWrapText(true);
        perSample.getStyleClass().add("note");
        getChildren().addAll(source, scaleRow, precisionRow, viewer, table, perSample, verdict);
    }

    private static Label valueCell() {
        Label l = new Label();
        l.getStyleClass().add("value-label");
        return l;
    }

    private void initListeners() {
        scale.setValue(Math.log10(model.scaleProperty().get()));
        scale.valueProperty().addListener((o, a, v) -> model.scaleProperty().set(Math.pow(10, v.doubleValue())));
        model.scaleProperty().addListener((o, a, v) -> {
            double log = Math.log10(v.doubleValue());
            if (Math.abs(scale.getValue() - log) > 1e-9) scale.setValue(log);
        });
        precision.valueProperty().bindBidirectional(model.precisionProperty());
        source.textProperty().bind(model.sourceProperty().map(ComparisonViewModel.Source::description));
        model.resultProperty().addListener((o, a, c) -> show(c));
        model.problemProperty().addListener((o, a, text) -> {
            if (model.resultProperty().get() == null) showProblem();
        });
        show(model.resultProperty().get());
    }

    private void show(StableMaxComparison c) {
        if (c == null) {
            showProblem();
            return;
        }
        verdict.getStyleClass().remove("badge-warn");
        scaleValue.setText(String.format(Locale.ROOT, "%.3g", c.scale()));
        XYPlot plot = chart.getXYPlot();
        plot.setNotify(false);
        data.removeAllSeries();
        XYSeries soft = new XYSeries("softmax (" + c.precision().id() + ")", false, true);
        XYSeries stable = new XYSeries("StableMax (fp64)", false, true);
        for (int j = 0; j < c.logits().length; j++) {
            if (c.softmax().probabilities()[j] > 0) soft.add(j, c.softmax().probabilities()[j]);
            stable.add(j, c.stableMax().probabilities()[j]);
        }
        data.addSeries(soft);
        data.addSeries(stable);
        // half a class of room on both sides, so class 0 (the example's target) is not cut by the axis
        plot.getDomainAxis().setRange(-0.6, c.logits().length - 0.4);
        plot.clearDomainMarkers();
        ValueMarker target = new ValueMarker(c.target(), Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        target.setLabel("target");
        target.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        target.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(target);
        plot.setNotify(true);

        softmaxHeader.setText("softmax (" + c.precision().id() + ")");
        fill(softmaxCells, c.softmax(), c.target());
        fill(stableCells, c.stableMax(), c.target());
        verdict.setText(verdictText(c));
    }

    /** Logits that cannot be compared (a diverged run): no stale numbers, an empty chart and the reason. */
    private void showProblem() {
        scaleValue.setText(String.format(Locale.ROOT, "%.3g", model.scaleProperty().get()));
        data.removeAllSeries();
        chart.getXYPlot().clearDomainMarkers();
        softmaxHeader.setText("softmax (" + model.precisionProperty().get().id() + ")");
        for (Label[] column : new Label[][] {softmaxCells, stableCells}) {
            for (Label cell : column) {
                cell.setText("—");
                cell.getStyleClass().remove("badge-warn");
            }
        }
        verdict.setText(model.problemProperty().get());
        if (!verdict.getStyleClass().contains("badge-warn")) verdict.getStyleClass().add("badge-warn");
    }

    /** The verdict line, or the problem when there is nothing to compare (for tests). */
    Label verdictLabel() { return verdict; }

    private static void fill(Label[] cells, StableMaxComparison.Normaliser n, int target) {
        cells[0].setText(n.sumIsOne() ? "1 exactly" : String.format(Locale.ROOT, "%.9g", n.sum()));
        cells[0].getStyleClass().remove("badge-warn");
        if (n.sumIsOne()) cells[0].getStyleClass().add("badge-warn");
        cells[1].setText(String.format(Locale.ROOT, "%.9g", n.probabilities()[target]));
        cells[2].setText(exact(n.loss()));
        cells[3].setText(exact(n.targetGradient(target)));
        cells[4].setText(exact(n.largestOtherGradient(target)));
    }

    static String verdictText(StableMaxComparison c) {
        String p = c.precision().id();
        String at = String.format(Locale.ROOT, "×%.3g", c.scale());
        boolean sixteenBit = c.precision() == Precision.FP16 || c.precision() == Precision.BF16;
        String flicker = sixteenBit ? " In " + p + " the scaled logits are rounded first, so above that first onset collapse can "
                + "switch off and on again as the scale grows." : "";
        String onset = Double.isNaN(c.collapseScale())
                ? "Softmax does not collapse in " + p + " up to ×" + maxScaleText(c) + "."
                : c.collapseScale() <= 1 ? "Softmax has collapsed in " + p + " already at ×1." + flicker
                : String.format(Locale.ROOT, "Softmax first collapses in %s at ×%.4g.%s", p, c.collapseScale(), flicker);
        double stableGrad = c.stableMax().targetGradient(c.target());
        if (c.softmaxOverflows()) {
            return String.format(Locale.ROOT, "At %s a logit is beyond %s's largest value (%.6g), so it rounds to infinity and the "
                    + "softmax loss is NaN. StableMax, in fp64, still gives ∂L/∂z_c = %.3g. %s", at, p, c.precision().maxFinite(),
                    stableGrad, onset);
        }
        if (c.softmax().sumIsOne() && c.softmax().targetGradient(c.target()) == 0) {
            return String.format(Locale.ROOT, "At %s softmax has collapsed: every other exp term rounds away against 1, so p(target) = 1, "
                    + "the loss and the target's gradient are exactly 0 and this sample stops learning. StableMax still gives "
                    + "∂L/∂z_c = %.3g. %s", at, stableGrad, onset);
        }
        if (c.softmax().sumIsOne()) {
            return String.format(Locale.ROOT, "At %s the %s sum of exp terms is exactly 1 (the SC test counts the sample), but the "
                    + "loss path keeps a tiny gradient: %s. %s", at, p, exact(c.softmax().targetGradient(c.target())), onset);
        }
        return String.format(Locale.ROOT, "At %s softmax has not collapsed in %s: the sum is above 1 and the target's gradient is "
                + "%s. Drag the scale up to watch it vanish; StableMax's (%.3g) shrinks only like 1/z. %s",
                at, p, exact(c.softmax().targetGradient(c.target())), stableGrad, onset);
    }

    /** ×1000, or the lower scale at which a logit would overflow the precision (the search stops there). */
    private static String maxScaleText(StableMaxComparison c) {
        double maxAbs = 0;
        for (double v : c.logits()) maxAbs = Math.max(maxAbs, Math.abs(v / c.scale()));
        double upper = Math.min(StableMaxComparison.MAX_SCALE, maxAbs == 0 ? StableMaxComparison.MAX_SCALE
                : c.precision().maxFinite() / maxAbs);
        return upper < StableMaxComparison.MAX_SCALE
                ? String.format(Locale.ROOT, "%.3g, where a logit would overflow it", upper) : "1000";
    }

    private static String exact(double v) { return v == 0 ? "0 exactly" : String.format(Locale.ROOT, "%.4g", v); }
}
