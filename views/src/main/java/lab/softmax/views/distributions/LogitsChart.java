package lab.softmax.views.distributions;

import java.awt.Color;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The logits as bars that can be dragged up and down (small vectors), or as a sorted curve
 * (long ones). A bare ChartCanvas, not a ChartViewer: a drag edits a bar instead of zooming.
 */
final class LogitsChart extends Pane {
    private final XYSeries series = new XYSeries("logit", false, true);
    private final JFreeChart chart;
    private final ChartCanvas canvas;
    private final XYBarRenderer bars = new XYBarRenderer(0.15);
    private final XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    private BiConsumer<Integer, Double> onEdit = (i, v) -> { };
    private boolean editable;
    private int dragIndex = -1;

    LogitsChart() {
        XYSeriesCollection data = new XYSeriesCollection(series);
        chart = Charts.lineChart("Logits z (drag a bar to edit)", "index", "logit", data);
        chart.removeLegend();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x56B4E9));
        line.setSeriesPaint(0, new Color(0x0072B2));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(bars);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        canvas = new ChartCanvas(chart);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        getChildren().add(canvas);
        setMinSize(200, 150);
        setPrefSize(600, 260);
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> dragIndex = -1);
    }

    JFreeChart chart() { return chart; }

    void onEdit(BiConsumer<Integer, Double> handler) { onEdit = handler; }

    void show(PlotData plot) {
        editable = plot.byIndex();
        XYPlot p = chart.getXYPlot();
        p.setRenderer(editable ? bars : line);
        p.getDomainAxis().setLabel(editable ? "index" : "rank (sorted descending)");
        p.getDomainAxis().setStandardTickUnits(editable ? NumberAxis.createIntegerTickUnits() : NumberAxis.createStandardTickUnits());
        chart.setTitle(editable ? "Logits z (drag a bar to edit)" : "Logits z, sorted (" + plot.logitX().length + " ranks shown)");
        series.setNotify(false);
        try {
            series.clear();
            for (int i = 0; i < plot.logitX().length; i++) {
                double y = plot.logitY()[i];
                series.add(plot.logitX()[i], Double.isFinite(y) ? y : null);
            }
        } finally {
            series.setNotify(true);
        }
    }

    private void pressed(MouseEvent e) {
        if (!editable || series.getItemCount() == 0) return;
        double[] xy = toData(e.getX(), e.getY());
        if (xy == null) return;
        dragIndex = (int) Math.round(xy[0]);
        if (dragIndex < 0 || dragIndex >= series.getItemCount()) {
            dragIndex = -1;
            return;
        }
        e.consume();
        onEdit.accept(dragIndex, round(xy[1]));
    }

    private void dragged(MouseEvent e) {
        if (dragIndex < 0) return;
        double[] xy = toData(e.getX(), e.getY());
        e.consume();
        if (xy != null) onEdit.accept(dragIndex, round(xy[1]));
    }

    /** Two decimals: what a person means by a drag, and readable in the table. */
    private static double round(double v) { return Math.round(v * 100) / 100.0; }

    private double[] toData(double x, double y) {
        var info = canvas.getRenderingInfo();
        if (info == null) return null;
        var area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        Point2D pt = new Point2D(x, y);
        double dx = plot.getDomainAxis().java2DToValue(pt.getX(), area, plot.getDomainAxisEdge());
        double dy = plot.getRangeAxis().java2DToValue(pt.getY(), area, plot.getRangeAxisEdge());
        return new double[] {dx, dy};
    }
}
