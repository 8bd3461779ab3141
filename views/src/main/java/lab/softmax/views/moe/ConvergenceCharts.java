package lab.softmax.views.moe;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord.Metric;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.OnePerFrame;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The Convergence tab's three log-log charts against n: the Voronoi losses (exact D1, over-specified D2), the split
 * cell's raw errors (over-specified), and the density error of every case run. Each curve is the median over the
 * repetitions finished so far with a band from the first to the third quartile; dashed grey lines have the theory's
 * slope, drawn through the first median of the curve they belong to.
 */
final class ConvergenceCharts {
    /** One plotted curve: a case's metric. */
    record Curve(String label, FitCase fitCase, Metric metric, Paint paint) { }

    /** A theory guide: slope s through the first median of a curve. */
    record Guide(String label, Curve anchor, double slope) { }

    private record Panel(JFreeChart chart, YIntervalSeriesCollection data, XYSeriesCollection guides, List<Curve> curves,
                         List<Guide> guideSpecs) { }

    private final List<Panel> panels = new ArrayList<>();

    ConvergenceCharts() {
        Curve d1 = new Curve("exact: D1", FitCase.EXACT, Metric.D1, Charts.PALETTE[0]);
        Curve d2 = new Curve("over: D2", FitCase.OVER, Metric.D2, Charts.PALETTE[1]);
        panels.add(panel("Voronoi losses (median, quartile band)", "loss", List.of(d1, d2),
                List.of(new Guide("slope −1/2", d1, -0.5), new Guide("slope −1/2 ", d2, -0.5))));
        Curve b1 = new Curve("β₁", FitCase.OVER, Metric.CELL_BETA1, Charts.PALETTE[0]);
        Curve a = new Curve("a", FitCase.OVER, Metric.CELL_A, Charts.PALETTE[1]);
        Curve b = new Curve("b", FitCase.OVER, Metric.CELL_B, Charts.PALETTE[2]);
        Curve nu = new Curve("ν", FitCase.OVER, Metric.CELL_NU, Charts.PALETTE[3]);
        panels.add(panel("Over-specified: split atoms' largest errors", "error", List.of(b1, a, b, nu),
                List.of(new Guide("slope −1/8", b1, -0.125), new Guide("slope −1/4", a, -0.25))));
        List<Curve> density = new ArrayList<>();
        int i = 0;
        for (FitCase c : FitCase.values()) density.add(new Curve(c.id(), c, Metric.DENSITY, Charts.PALETTE[i++]));
        panels.add(panel("Density error (mean Hellinger distance)", "Hellinger", density,
                List.of(new Guide("slope −1/2", density.getFirst(), -0.5))));
    }

    private static Panel panel(String title, String yLabel, List<Curve> curves, List<Guide> guides) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) data.addSeries(new YIntervalSeries(c.label()));
        XYSeriesCollection g = new XYSeriesCollection();
        for (Guide guide : guides) g.addSeries(new XYSeries(guide.label(), true, false));
        JFreeChart chart = Charts.lineChart(title, "n", yLabel, data);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = Charts.logAxis("sample size n (log)");
        LogAxis y = Charts.logAxis(yLabel + " (log)");
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        DeviationRenderer r = new DeviationRenderer(true, true);
        for (int s = 0; s < curves.size(); s++) {
            Paint p = curves.get(s).paint();
            r.setSeriesPaint(s, p);
            r.setSeriesFillPaint(s, p);
            r.setSeriesStroke(s, new BasicStroke(2f));
            r.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        r.setAlpha(0.18f);
        plot.setRenderer(0, r);
        plot.setDataset(1, g);
        XYLineAndShapeRenderer gr = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < guides.size(); s++) {
            gr.setSeriesPaint(s, new Color(0x777777));
            gr.setSeriesStroke(s, new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            gr.setSeriesVisibleInLegend(s, s == 0 || guides.get(s).slope() != guides.get(0).slope());
        }
        plot.setRenderer(1, gr);
        return new Panel(chart, data, g, curves, guides);
    }

    List<JFreeChart> charts() { return panels.stream().map(Panel::chart).toList(); }

    /** Refills every curve and guide from the view-model (on the FX thread). */
    void show(ConvergenceViewModel model, String subtitle) {
        for (Panel p : panels) {
            OnePerFrame.hold(p.chart());
            for (int s = 0; s < p.curves().size(); s++) {
                Curve c = p.curves().get(s);
                YIntervalSeries series = p.data().getSeries(s);
                series.setNotify(false);
                series.clear();
                for (ConvergenceViewModel.Point pt : model.points(c.fitCase(), c.metric())) {
                    if (pt.median() > 0) series.add(pt.n(), pt.median(), Math.max(pt.q1(), pt.median() * 1e-6), pt.q3());
                }
                series.setNotify(true);
                series.fireSeriesChanged();
            }
            for (int s = 0; s < p.guideSpecs().size(); s++) {
                Guide g = p.guideSpecs().get(s);
                XYSeries series = p.guides().getSeries(s);
                series.setNotify(false);
                series.clear();
                List<ConvergenceViewModel.Point> pts = model.points(g.anchor().fitCase(), g.anchor().metric());
                if (pts.size() >= 2 && pts.getFirst().median() > 0) {
                    double n0 = pts.getFirst().n();
                    double m0 = pts.getFirst().median();
                    double n1 = pts.getLast().n();
                    series.add(n0, m0);
                    series.add(n1, m0 * Math.pow(n1 / n0, g.slope()));
                }
                series.setNotify(true);
                series.fireSeriesChanged();
            }
            fitDecades(p);
            p.chart().clearSubtitles();
            p.chart().addSubtitle(new org.jfree.chart.title.LegendTitle(p.chart().getXYPlot()));
            if (subtitle != null && !subtitle.isEmpty()) {
                TextTitle t = new TextTitle(subtitle, new java.awt.Font("SansSerif", java.awt.Font.ITALIC, 11));
                t.setPaint(new Color(0x555555));
                p.chart().addSubtitle(t);
            }
            OnePerFrame.release(p.chart());
        }
    }

    /**
     * Log axes over whole decades around the data (bands included): a range inside one decade would show a single tick
     * label or none.
     */
    private static void fitDecades(Panel p) {
        double lo = Double.POSITIVE_INFINITY, hi = 0, nLo = Double.POSITIVE_INFINITY, nHi = 0;
        for (int s = 0; s < p.data().getSeriesCount(); s++) {
            YIntervalSeries series = p.data().getSeries(s);
            for (int i = 0; i < series.getItemCount(); i++) {
                double low = series.getYLowValue(i), high = series.getYHighValue(i), n = series.getX(i).doubleValue();
                if (low > 0) lo = Math.min(lo, low);
                hi = Math.max(hi, high);
                nLo = Math.min(nLo, n);
                nHi = Math.max(nHi, n);
            }
        }
        XYPlot plot = p.chart().getXYPlot();
        if (!(hi > 0) || !Double.isFinite(lo)) {
            plot.getRangeAxis().setAutoRange(true);
            plot.getDomainAxis().setAutoRange(true);
            return;
        }
        plot.getRangeAxis().setRange(Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi) + 1e-9)));
        plot.getDomainAxis().setRange(nLo / 1.3, nHi * 1.3);
    }

    static String slopeText(double s) { return Double.isNaN(s) ? "—" : String.format(Locale.ROOT, "%.2f", s); }
}
