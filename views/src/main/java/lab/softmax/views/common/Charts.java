package lab.softmax.views.common;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/** Builds JFreeChart charts with one look across the labs, and their JavaFX viewers. */
public final class Charts {
    /** Series colours: colour-blind safe (Okabe-Ito). */
    public static final Paint[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    private static final Font TITLE_FONT = new Font("SansSerif", Font.BOLD, 13);
    private static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 12);

    private Charts() { }

    public static JFreeChart lineChart(String title, String xLabel, String yLabel, XYDataset data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
                PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setDefaultShapesVisible(false);
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
            r.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        return chart;
    }

    /** White background, light grid, readable fonts, palette. */
    public static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) chart.getTitle().setFont(TITLE_FONT);
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xDDDDDD));
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            plot.setOutlineVisible(false);
            for (int i = 0; i < plot.getDomainAxisCount(); i++) styleAxis(plot.getDomainAxis(i));
            for (int i = 0; i < plot.getRangeAxisCount(); i++) styleAxis(plot.getRangeAxis(i));
        }
    }

    private static void styleAxis(org.jfree.chart.axis.ValueAxis axis) {
        if (axis == null) return;
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT.deriveFont(11f));
    }

    /** A base-10 log axis that shows 10^k ticks. */
    public static LogAxis logAxis(String label) {
        LogAxis axis = new OneValueSafeLogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-320);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT.deriveFont(11f));
        return axis;
    }

    public static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT.deriveFont(11f));
        return axis;
    }

    /**
     * Three charts and a fourth cell (a note) in a 2×2 grid of equal quarters: the charts top left, top right and
     * bottom left, the fourth bottom right.
     */
    public static GridPane quadrants(List<JFreeChart> charts, Node fourth) {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        grid.add(viewer(charts.get(0)), 0, 0);
        grid.add(viewer(charts.get(1)), 1, 0);
        grid.add(viewer(charts.get(2)), 0, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(50);
        row.setVgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        grid.getRowConstraints().addAll(row, row);
        grid.getChildren().forEach(n -> {
            if (n instanceof ChartViewer v) v.setPrefSize(300, 200);
        });
        grid.add(fourth, 1, 1);
        return grid;
    }

    /**
     * Styles a bar chart like the line charts, with flat bars (no gradient, no shadow) in the palette's first
     * {@code series} colours; returns its renderer for anything more.
     */
    public static BarRenderer styleBars(JFreeChart chart, int series) {
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int i = 0; i < series; i++) r.setSeriesPaint(i, PALETTE[i]);
        return r;
    }

    public static ChartViewer viewer(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setMinSize(200, 150);
        viewer.setPrefSize(600, 320);
        return viewer;
    }

    /**
     * A log axis that survives data with a single value (or equal values) above about 1e8, as a diverging run logs:
     * JFreeChart widens such a range by its fixed minimum size 1e-8, which is lost in rounding there, and then throws
     * "A positive range length is required" from inside a dataset listener. This one shows a decade either side.
     */
    private static final class OneValueSafeLogAxis extends LogAxis {
        OneValueSafeLogAxis(String label) { super(label); }

        @Override
        protected void autoAdjustRange() {
            try {
                super.autoAdjustRange();
            } catch (IllegalArgumentException degenerate) {
                org.jfree.data.Range r = getPlot() instanceof XYPlot plot ? plot.getDataRange(this) : null;
                double v = r == null || !(r.getUpperBound() > 0) ? 1 : r.getUpperBound();
                setRange(new org.jfree.data.Range(v / 10, v * 10), false, false);
                return;
            }
            // Ticks sit on whole powers of the base only: a range inside one decade (mean |logit| from 1.4
            // to 7) would show no number at all, so it is widened to the powers around it.
            double lower = getLowerBound();
            double upper = getUpperBound();
            if (lower > 0 && upper > lower && Double.isFinite(upper)) {
                double low = Math.floor(calculateLog(lower));
                double high = Math.ceil(calculateLog(upper));
                if (high - low == 1 && calculateValue(low) < lower && calculateValue(high) > upper) {
                    setRange(new org.jfree.data.Range(calculateValue(low), calculateValue(high)), false, false);
                }
            }
        }
    }
}
