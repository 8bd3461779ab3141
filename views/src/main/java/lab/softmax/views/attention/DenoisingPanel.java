package lab.softmax.views.attention;

import java.awt.Color;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.softmax.engine.attention.ValueDenoising;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.RunControls;
import lab.softmax.views.common.Widths;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The value-denoising demo: tokens x_j = μ + σ_j ε_j that show their noise level; attention can only
 * average, a value temperature τ_v,j = 1 + tanh(u_v·flag_j) can also shrink, as the Bayes estimator does.
 * The bar chart compares the four estimators' MSE on the same fresh contexts.
 */
final class DenoisingPanel extends BorderPane {
    private final DenoisingViewModel model;
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final Button run = new Button("Run the denoising demo");
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private final Label taus = new Label();

    DenoisingPanel(DenoisingViewModel model) {
        this.model = model;
        chart = ChartFactory.createBarChart("Value denoising: MSE per coordinate (lower is better)", "estimator", "MSE",
                data, PlotOrientation.VERTICAL, false, true, false);
        createView();
        initListeners();
    }

    JFreeChart chart() { return chart; }

    private void createView() {
        seed.setId("denoise-seed");
        run.setId("denoise-run");
        cancel.setId("denoise-cancel");
        Charts.style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        BarRenderer r = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) { return Charts.PALETTE[column % Charts.PALETTE.length]; }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.18);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.000")));
        r.setDefaultItemLabelsVisible(true);
        plot.setRenderer(r);

        VBox controls = new VBox(8);
        controls.setPadding(new Insets(10));
        seed.setEditable(true);
        cancel.setDisable(true);
        status.setWrapText(true);
        status.getStyleClass().add("note");
        taus.setWrapText(true);
        taus.getStyleClass().add("value-label");
        Label about = new Label("Eight tokens x_j = μ + σ_j ε_j in ℝ⁴ with σ_j from {0.5, 1, 2, 4}, each showing its "
                + "level as a flag. Bayes shrinks towards 0: μ̂ = Σ w_j x_j / (1 + Σ w_j), w_j = 1/σ_j². Attention outputs "
                + "convex combinations and cannot shrink; a value temperature τ_v,j = 1 + tanh(u_v·flag_j) can. Both models "
                + "learn one logit per level (AdamW, 1000 steps of 64 contexts, a few seconds).");
        about.setWrapText(true);
        Widths.max(about, 300);   // wrap inside the scroll pane rather than widen it past its viewport
        about.getStyleClass().add("note");
        Label heading = new Label("Value temperature");
        heading.getStyleClass().add("section-heading");
        controls.getChildren().addAll(heading, about, new HBox(6, new Label("seed"), seed), new HBox(6, run, cancel), status, taus);
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 330);
        setLeft(scroller);
        setCenter(Charts.viewer(chart));
    }

    private void initListeners() {
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.seedProperty().set(b); });
        model.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, b.longValue())));
        seed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, model.seedProperty().get()));
        RunControls.wire(run, cancel, model.busyProperty(), model::run, model::cancel);
        status.textProperty().bind(model.statusProperty());
        model.resultProperty().addListener((o, a, b) -> show(b));
        show(model.resultProperty().get());
    }

    private void show(ValueDenoising.Result r) {
        data.clear();
        if (r == null) {
            chart.setTitle("Value denoising: press \"Run the denoising demo\"");
            taus.setText("");
            return;
        }
        chart.setTitle("Value denoising: MSE per coordinate (lower is better)");
        chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        data.addValue(r.naiveMeanMse(), "MSE", "naive mean");
        data.addValue(r.vanillaMse(), "MSE", "vanilla attention");
        data.addValue(r.valueSelectiveMse(), "MSE", "value-selective");
        data.addValue(r.bayesMse(), "MSE", "Bayes");
        StringBuilder b = new StringBuilder("learned τ_v per noise level:\n");
        for (int l = 0; l < r.levels().length; l++) {
            b.append(String.format(Locale.ROOT, "  σ = %-4s τ_v = %.3f%n", trim(r.levels()[l]), r.valueTau()[l]));
        }
        taus.setText(b.toString());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
