package lab.softmax.views.collapse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The six training curves of the lab, every run overlaid in its own colour: accuracy (test solid,
 * train dashed), train loss, SC fraction (zero-loss dashed), mean |logit|, weight norm and NLM
 * cosine, over a linear or logarithmic epoch axis, with a dotted line where each softmax run's SC
 * passes 50 %.
 */
final class MetricCharts {
    /** One plotted quantity: a title, its y label, whether its y axis is logarithmic, and its value(s). */
    private record Metric(String title, String yLabel, boolean logY, ToDoubleFunction<EpochMetrics> solid,
                          ToDoubleFunction<EpochMetrics> dashed) { }

    private static final List<Metric> METRICS = List.of(
            new Metric("Accuracy (test solid, train dashed)", "accuracy", false, EpochMetrics::testAcc, EpochMetrics::trainAcc),
            new Metric("Train loss", "loss", true, EpochMetrics::trainLoss, null),
            new Metric("Softmax Collapse (SC solid, zero loss dashed)", "fraction of train set", false,
                    EpochMetrics::scFraction, EpochMetrics::zeroLossFraction),
            new Metric("Mean |logit|", "mean |z|", true, EpochMetrics::meanAbsLogit, null),
            new Metric("Weight norm", "‖θ‖", false, EpochMetrics::weightNorm, null),
            new Metric("NLM cosine cos(−∇L, θ)", "cosine", false, EpochMetrics::nlmCosine, null));

    private final List<JFreeChart> charts = new ArrayList<>();
    private final List<XYSeriesCollection> data = new ArrayList<>();
    private boolean logX = true;

    MetricCharts() {
        for (Metric m : METRICS) {
            XYSeriesCollection d = new XYSeriesCollection();
            JFreeChart chart = Charts.lineChart(m.title(), "epoch", m.yLabel(), d);
            chart.removeLegend();
            if (m.logY()) chart.getXYPlot().setRangeAxis(Charts.logAxis(m.yLabel()));
            data.add(d);
            charts.add(chart);
        }
        setLogEpochAxis(true);
    }

    List<JFreeChart> charts() { return charts; }

    void setLogEpochAxis(boolean log) {
        logX = log;
        for (JFreeChart c : charts) {
            ValueAxis axis = log ? Charts.logAxis("epoch (log)") : Charts.numberAxis("epoch");
            if (axis instanceof NumberAxis n) n.setAutoRangeIncludesZero(true);
            c.getXYPlot().setDomainAxis(axis);
        }
    }

    /** Redraws every chart from the runs (cheap: a few hundred points per run). */
    void update(List<RunEntry> runs) {
        for (int i = 0; i < METRICS.size(); i++) {
            Metric m = METRICS.get(i);
            XYSeriesCollection d = data.get(i);
            XYPlot plot = charts.get(i).getXYPlot();
            plot.setNotify(false);
            d.removeAllSeries();
            plot.clearDomainMarkers();
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
            int series = 0;
            for (int r = 0; r < runs.size(); r++) {
                RunEntry run = runs.get(r);
                Paint colour = Charts.PALETTE[r % Charts.PALETTE.length];
                d.addSeries(series(run.label(), run.metrics(), m.solid(), m.logY()));
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series, new BasicStroke(1.8f));
                series++;
                if (m.dashed() != null) {
                    d.addSeries(series(run.label() + " (dashed)", run.metrics(), m.dashed(), m.logY()));
                    renderer.setSeriesPaint(series, colour);
                    renderer.setSeriesStroke(series, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                            10f, new float[] {6f, 4f}, 0f));
                    series++;
                }
                int sc50 = run.sc50Epoch();
                if (sc50 > 0 && run.config().loss() == LossKind.SOFTMAX_CE) {
                    ValueMarker marker = new ValueMarker(sc50, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
                    plot.addDomainMarker(marker);
                }
            }
            plot.setNotify(true);
        }
    }

    private XYSeries series(String key, List<EpochMetrics> metrics, ToDoubleFunction<EpochMetrics> f, boolean logY) {
        XYSeries s = new XYSeries(key, false, true);
        for (EpochMetrics e : metrics) {
            double y = f.applyAsDouble(e);
            if (logX && e.epoch() == 0) continue;   // a log axis cannot show epoch 0
            if (!Double.isFinite(y) || (logY && y <= 0)) continue;
            s.add(e.epoch(), y, false);
        }
        return s;
    }

    /** Colour of the i-th run (for the run list). */
    static Color colour(int index) { return (Color) Charts.PALETTE[index % Charts.PALETTE.length]; }
}
