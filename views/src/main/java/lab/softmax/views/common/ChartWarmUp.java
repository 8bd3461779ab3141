package lab.softmax.views.common;

import javafx.animation.AnimationTimer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws two typical live charts off screen a few dozen times while the window starts, one draw in a frame that has no
 * chart of a lab to draw ({@link OnePerFrame#idle}), so that the JIT has compiled JFreeChart's drawing (tick labels,
 * text measurement, lines, a log axis) before a lab's first run redraws its charts: still interpreted, one redraw took
 * 23–47 ms of the FX thread, compiled ~8 ms (docs/RELIABILITY.md). The canvases are in no scene: nothing is shown,
 * and each draw clears the whole canvas, so its commands do not pile up. FX thread only.
 */
public final class ChartWarmUp {
    /** Draws in all; about what the JIT needs to compile the per-point and per-label code with C2. */
    static final int DRAWS = 80;

    private ChartWarmUp() { }

    /** Starts the warm-up; it stops by itself after {@link #DRAWS} draws. */
    public static void start() {
        ChartCanvas[] canvases = {canvas(chart(false)), canvas(chart(true))};
        new AnimationTimer() {
            private int drawn;

            @Override
            public void handle(long now) {
                if (!OnePerFrame.idle()) return;   // a lab's chart has this frame
                canvases[drawn % canvases.length].draw();
                if (++drawn == DRAWS) stop();
            }
        }.start();
    }

    private static JFreeChart chart(boolean logX) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < 4; s++) {
            XYSeries series = new XYSeries("series " + s);
            for (int i = 1; i <= 500; i++) series.add(i, Math.exp(-i / (50.0 + 40 * s)) + 0.01 * Math.sin(i * (s + 1)));
            data.addSeries(series);
        }
        JFreeChart chart = Charts.lineChart("warm-up", "x", "y", data);
        if (logX) chart.getXYPlot().setDomainAxis(new LogAxis("x"));
        return chart;
    }

    private static ChartCanvas canvas(JFreeChart chart) {
        ChartCanvas canvas = new ChartCanvas(chart);
        canvas.setWidth(640);
        canvas.setHeight(400);
        return canvas;
    }
}
