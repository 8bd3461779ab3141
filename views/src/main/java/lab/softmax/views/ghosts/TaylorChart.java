package lab.softmax.views.ghosts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss along the real t axis against its Taylor polynomials of rising degree: they hug the
 * loss inside ρ* and fly off outside it. The value axis is held to the loss's own range (plus a
 * margin), so the diverging polynomials leave the picture instead of flattening the loss.
 */
final class TaylorChart {
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;

    TaylorChart() {
        chart = Charts.lineChart("Loss along t and its Taylor polynomials at t = 0", "t (step along v)", "cross-entropy loss", data);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, new BasicStroke(3f));
        for (int i = 1; i < 8; i++) {
            r.setSeriesPaint(i, Charts.PALETTE[(i - 1) % Charts.PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        chart.getXYPlot().getRangeAxis().setAutoRange(false);
    }

    JFreeChart chart() { return chart; }

    void show(GhostsPlaneViewModel.Analysis a) {
        GhostsPlaneViewModel.TaylorCurves c = a.taylor();
        XYPlot plot = chart.getXYPlot();
        plot.setNotify(false);
        try {
            data.removeAllSeries();
            XYSeries loss = new XYSeries("loss L(t)", false, true);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < c.t().length; i++) {
                loss.add(c.t()[i], c.loss()[i]);
                lo = Math.min(lo, c.loss()[i]);
                hi = Math.max(hi, c.loss()[i]);
            }
            data.addSeries(loss);
            for (int d = 0; d < c.degrees().length; d++) {
                XYSeries p = new XYSeries("degree " + c.degrees()[d], false, true);
                for (int i = 0; i < c.t().length; i++) {
                    double v = c.polynomials()[d][i];
                    p.add(c.t()[i], Double.isFinite(v) ? v : null);
                }
                data.addSeries(p);
            }
            double margin = Math.max(0.5, 0.4 * (hi - lo));
            plot.getRangeAxis().setRange(lo - margin, hi + margin);
            plot.clearDomainMarkers();
            GhostsResult r = a.result();
            if (Double.isFinite(r.rhoStar())) {
                for (double s : new double[] {-1, 1}) {
                    plot.addDomainMarker(marker(s * r.rhoStar(), new Color(0xD55E00), s > 0 ? "ρ*" : "", true));
                    plot.addDomainMarker(marker(s * r.rhoA(), new Color(0x0072B2), s > 0 ? "ρ_a" : "", false));
                }
            }
        } finally {
            plot.setNotify(true);
        }
    }

    private static ValueMarker marker(double at, Color colour, String label, boolean top) {
        ValueMarker m = new ValueMarker(at, colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        if (!label.isEmpty()) {
            m.setLabel(String.format(Locale.ROOT, "%s = %.3g", label, at));
            m.setLabelPaint(colour);
            m.setLabelAnchor(top ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(top ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        }
        return m;
    }
}
