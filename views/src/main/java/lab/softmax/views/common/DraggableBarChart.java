package lab.softmax.views.common;

import java.awt.Color;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
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
 * A vector as bars that can be dragged up and down (small vectors), or as a curve (long ones,
 * not editable). A bare ChartCanvas, not a ChartViewer: a drag edits a bar instead of zooming.
 */
public final class DraggableBarChart extends Pane {
    private final XYSeries series = new XYSeries("value", false, true);
    private final String title;
    private final JFreeChart chart;
    private final ChartCanvas canvas;
    private final XYBarRenderer bars = new XYBarRenderer(0.15);
    private final XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    private BiConsumer<Integer, Double> onEdit = (i, v) -> { };
    private boolean editable;
    private int dragIndex = -1;

    public DraggableBarChart(String title, String valueLabel, Color barColour) {
        this.title = title;
        XYSeriesCollection data = new XYSeriesCollection(series);
        chart = Charts.lineChart(title + " (drag a bar to edit)", "index", valueLabel, data);
        chart.removeLegend();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, barColour);
        line.setSeriesPaint(0, barColour.darker());
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(bars);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());   // bars sit at integer indices
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        // A flat vector (all zeros) still gets a readable axis to drag bars on.
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(1.0);
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

    public JFreeChart chart() { return chart; }

    /** Called with (index, new value) while a bar is dragged. */
    public void onEdit(BiConsumer<Integer, Double> handler) { onEdit = handler; }

    /** Bars by index, editable. */
    public void showBars(double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        show(x, values, true, "index", title + " (drag a bar to edit)");
    }

    /** A curve, not editable (long vectors, e.g. sorted by rank). */
    public void showCurve(double[] x, double[] y, String xLabel, String curveTitle) {
        show(x, y, false, xLabel, curveTitle);
    }

    /**
     * Every change below would redraw the chart by itself (renderer, axis, title, data: five redraws); held, it is
     * redrawn once, at the next frame free for it ({@link OnePerFrame}): a drag sends more values than there are frames.
     */
    private void show(double[] x, double[] y, boolean asBars, String xLabel, String chartTitle) {
        editable = asBars;
        OnePerFrame.hold(chart);
        try {
            XYPlot p = chart.getXYPlot();
            if (p.getRenderer() != (asBars ? bars : line)) {
                p.setRenderer(asBars ? bars : line);
                p.getDomainAxis().setStandardTickUnits(asBars ? NumberAxis.createIntegerTickUnits() : NumberAxis.createStandardTickUnits());
            }
            p.getDomainAxis().setLabel(xLabel);
            chart.setTitle(chartTitle);
            series.clear();
            for (int i = 0; i < x.length; i++) {
                series.add(x[i], Double.isFinite(y[i]) ? y[i] : null, false);
            }
            series.fireSeriesChanged();
        } finally {
            OnePerFrame.release(chart);
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
