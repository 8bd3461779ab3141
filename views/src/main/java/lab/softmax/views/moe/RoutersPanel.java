package lab.softmax.views.moe;

import static lab.softmax.views.common.Labels.heading;
import static lab.softmax.views.common.Labels.note;
import static lab.softmax.views.common.Labels.unshrunk;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.softmax.engine.moe.BatchRouting;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Labels;
import lab.softmax.views.common.Widths;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The Routers tab: a capacity-factor slider and, for the batch of {@link RoutersViewModel}, the load per expert before
 * and after capacity (the same for every router: they all pick the same top-K sets), the weight each router sends to
 * each expert, and per router the auxiliary loss, the routing entropy and what capacity drops cost.
 */
final class RoutersPanel extends BorderPane {
    private final RoutersViewModel model;
    private final MoeViewModel parent;
    private final Slider capacity = new Slider(0, 4, 1.25);
    private final Label capacityLabel = new Label();
    private final GridPane table = new GridPane();
    private final Label summary = new Label();
    private final DefaultCategoryDataset loadData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset weightData = new DefaultCategoryDataset();
    private final JFreeChart loadChart;
    private final JFreeChart weightChart;
    private final ValueMarker capacityMarker = new ValueMarker(0);
    private boolean syncing;

    RoutersPanel(RoutersViewModel model, MoeViewModel parent) {
        this.model = model;
        this.parent = parent;
        loadChart = barChart("Load per expert: assignments of the batch", "assignments", loadData);
        weightChart = barChart("Routed weight per expert (sum of weights / N) by router", "mean weight", weightData);
        capacityMarker.setPaint(new Color(0xAA0000));
        capacityMarker.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        capacityMarker.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        capacityMarker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        capacityMarker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        loadChart.getCategoryPlot().addRangeMarker(capacityMarker);
        createView();
        initListeners();
    }

    List<JFreeChart> charts() { return List.of(loadChart, weightChart); }

    Slider capacitySlider() { return capacity; }

    private static JFreeChart barChart(String title, String yLabel, DefaultCategoryDataset data) {
        JFreeChart c = ChartFactory.createBarChart(title, "expert", yLabel, data, PlotOrientation.VERTICAL, true, true, false);
        Charts.styleBars(c, 3).setItemMargin(0.05);
        CategoryPlot plot = c.getCategoryPlot();
        java.awt.Font f = new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 12);
        plot.getDomainAxis().setLabelFont(f);
        plot.getDomainAxis().setTickLabelFont(f.deriveFont(11f));
        plot.getRangeAxis().setLabelFont(f);
        plot.getRangeAxis().setTickLabelFont(f.deriveFont(11f));
        return c;
    }

    private void createView() {
        capacity.setId("capacity-factor");
        VBox controls = new VBox(8);
        controls.setPadding(new Insets(10));
        capacity.setShowTickMarks(true);
        capacity.setMajorTickUnit(1);
        capacity.setMinorTickCount(3);
        table.setHgap(10);
        table.setVgap(2);
        summary.setWrapText(true);
        controls.getChildren().addAll(heading("Batch"),
                note(RoutersViewModel.BATCH + " points, a seeded Gaussian cloud around the plane's centre "
                        + "(σ = a quarter of its width), routed with the Plane tab's gates, K and T."),
                new Separator(), heading("Capacity"), capacityLabel, capacity,
                note("Each expert takes at most C = max(1, ⌊c·K·N/k⌋) inputs, in batch order; a later "
                        + "assignment to a full expert is dropped and its weight lost (Switch, GShard). c = 0: no limit."),
                new Separator(), heading("Per router"), table, summary,
                new Separator(), note("Every router picks the same top-K set for an input, so the load, the "
                        + "drops and the auxiliary loss k·Σ fᵢ·Pᵢ (1 at perfect balance; fᵢ: share of assignments, Pᵢ: mean "
                        + "dense softmax probability) are the same for all three. They differ in the weights: softmax-topk "
                        + "keeps only part of the mass, and so loses less to a drop; the other two sum to 1 and agree up "
                        + "to rounding."));
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 380);
        Widths.min(scroller, 300);
        setLeft(scroller);
        ChartViewer load = Charts.viewer(loadChart);
        ChartViewer weight = Charts.viewer(weightChart);
        VBox charts = new VBox(4, load, weight);
        VBox.setVgrow(load, Priority.ALWAYS);
        VBox.setVgrow(weight, Priority.ALWAYS);
        charts.setPadding(new Insets(4));
        setCenter(charts);
    }

    private void initListeners() {
        capacity.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            double c = Math.round(b.doubleValue() * 20) / 20.0;
            model.capacityFactorProperty().set(c < 0.1 ? 0 : c);
        });
        model.capacityFactorProperty().addListener((o, a, b) -> sync());
        model.comparisonProperty().addListener((o, a, b) -> redraw());
        sync();
        redraw();
    }

    private void sync() {
        syncing = true;
        try {
            double c = model.capacityFactorProperty().get();
            capacity.setValue(c);
            capacityLabel.setText(c == 0 ? "capacity factor c = 0 (no limit)" : String.format(Locale.ROOT, "capacity factor c = %.2f", c));
        } finally {
            syncing = false;
        }
    }

    void redraw() {
        RoutersViewModel.Comparison cmp = model.comparisonProperty().get();
        if (cmp == null) return;
        BatchRouting.Result any = cmp.routers().getFirst().batch();
        loadChart.setNotify(false);
        weightChart.setNotify(false);
        loadData.clear();
        weightData.clear();
        int[] load = any.load();
        int[] served = any.served();
        for (int i = 0; i < cmp.experts(); i++) {
            String e = "E" + (i + 1);
            loadData.addValue(load[i], "routed (before capacity)", e);
            loadData.addValue(served[i], "served (after capacity)", e);
            for (RoutersViewModel.RouterResult r : cmp.routers()) weightData.addValue(r.weightPerExpert()[i], r.router().id(), e);
        }
        boolean limited = any.capacity() != Integer.MAX_VALUE;
        capacityMarker.setValue(limited ? any.capacity() : 0);
        capacityMarker.setLabel(limited ? "capacity C = " + any.capacity() : "");
        capacityMarker.setPaint(limited ? new Color(0xAA0000) : new Color(0, 0, 0, 0));
        int top = 0;
        for (int v : load) top = Math.max(top, v);
        if (limited) top = Math.max(top, any.capacity());
        loadChart.getCategoryPlot().getRangeAxis().setRange(0, Math.max(1, top) * 1.1);
        loadChart.setNotify(true);
        weightChart.setNotify(true);
        table.getChildren().clear();
        table.addRow(0, bold("router"), bold("Σw"), bold("lost"), bold("aux"), bold("H"));
        int row = 1;
        for (RoutersViewModel.RouterResult r : cmp.routers()) {
            Label name = new Label(r.router().id());
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            table.addRow(row++, name, value(f4(r.meanKeptWeight())), value(f4(r.droppedWeight())),
                    value(f4(r.batch().auxLoss())), value(f4(r.batch().meanEntropy())));
        }
        summary.setText(String.format(Locale.ROOT, "N = %d, k = %d, K = %d: capacity %s; %d of %d assignments dropped, "
                        + "%d inputs dropped entirely; load entropy %.3f of ln k = %.3f nats. Σw: mean routed weight per "
                        + "input; lost: mean weight of dropped assignments; aux: load-balancing loss; H: mean routing "
                        + "entropy over the active set (nats).",
                cmp.xs().length, cmp.experts(), cmp.topK(), limited ? "C = " + any.capacity() : "unlimited",
                any.droppedAssignments(), cmp.xs().length * cmp.topK(), any.droppedInputs(), any.loadEntropy(),
                Math.log(cmp.experts())));
    }

    private static String f4(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    private static Label value(String text) { return unshrunk(Labels.value(text)); }

    private static Label bold(String text) { return unshrunk(Labels.bold(text)); }
}
