package lab.softmax.views.distributions;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Probabilities per normaliser in the chosen precision (bars or lines), with the float64
 * reference as hollow dots: where a dot has no bar under it, the precision lost that mass.
 */
final class ProbabilityChart {
    /** The share of one index the bar cluster takes: the renderer's margin is 0.1. */
    private static final double CLUSTER_WIDTH = 0.9;
    private final XYSeriesCollection computed = new XYSeriesCollection();
    private final XYSeriesCollection reference = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ClusteredXYBarRenderer bars = new ClusteredXYBarRenderer(0.1, false);
    private final XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    private final ValueAxis linearAxis;
    private final ValueAxis logAxis = Charts.logAxis("probability (log)");

    ProbabilityChart() {
        chart = Charts.lineChart("Probabilities", "index", "probability", computed);
        XYPlot plot = chart.getXYPlot();
        linearAxis = plot.getRangeAxis();
        Charts.adopt(chart, bars, lines, linearAxis, logAxis);   // swapped in show(): they follow the theme off the plot too
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        plot.setDataset(1, reference);
        plot.setRenderer(1, dots);
        dots.setUseFillPaint(true);
        for (int i = 0; i < Charts.PALETTE.length; i++) {
            Paint p = Charts.PALETTE[i];
            bars.setSeriesPaint(i, p);
            lines.setSeriesPaint(i, p);
            lines.setSeriesStroke(i, new BasicStroke(1.8f));
            dots.setSeriesPaint(i, p);
            dots.setSeriesFillPaint(i, java.awt.Color.WHITE);
            dots.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            dots.setSeriesVisibleInLegend(i, false);
        }
    }

    JFreeChart chart() { return chart; }

    void show(PlotData plot, boolean logScale, boolean showReference) {
        XYPlot p = chart.getXYPlot();
        p.setRenderer(0, plot.byIndex() ? bars : lines);
        p.getDomainAxis().setLabel(plot.byIndex() ? "index" : "rank (sorted descending)");
        p.getDomainAxis().setStandardTickUnits(plot.byIndex() ? NumberAxis.createIntegerTickUnits() : NumberAxis.createStandardTickUnits());
        p.setRangeAxis(logScale ? logAxis : linearAxis);
        // Bars grow from the base; on a log axis 0 has no place, so they grow from the bottom.
        bars.setBase(logScale ? Double.MIN_NORMAL : 0.0);
        p.setNotify(false);
        try {
            computed.removeAllSeries();
            reference.removeAllSeries();
            int count = plot.probabilities().size();
            for (int j = 0; j < count; j++) {
                PlotData.Series s = plot.probabilities().get(j);
                // Put each reference dot on top of its own bar within the cluster.
                double offset = plot.byIndex() ? CLUSTER_WIDTH * ((j + 0.5) / count - 0.5) : 0;
                XYSeries c = new XYSeries(s.result().kind().label() + " (" + s.result().precision().id() + ")", false, true);
                XYSeries r = new XYSeries(s.result().kind().label() + " fp64", false, true);
                for (int i = 0; i < s.x().length; i++) {
                    c.add(s.x()[i], plottable(s.y()[i], logScale));
                    r.add(s.x()[i] + offset, plottable(s.referenceY()[i], logScale));
                }
                computed.addSeries(c);
                if (showReference) reference.addSeries(r);
            }
        } finally {
            p.setNotify(true);
        }
    }

    /** Zero cannot sit on a log axis and NaN nowhere: leave a gap (the read-outs count them). */
    private static Double plottable(double v, boolean logScale) {
        if (Double.isNaN(v) || Double.isInfinite(v) || (logScale && v <= 0)) return null;
        return v;
    }
}
