package lab.softmax.views.ghosts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.ghosts.Zero;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The complex t-plane: the sampled F as the plot's background picture (stretched exactly over the
 * data area), the zeros, the circle ρ_a = π/Δa (dashed), the true radius ρ* (solid) and the
 * zero-free strip |Im t| < π/Δa.
 */
final class PlaneChart {
    private static final Color RHO_A = new Color(0x0072B2);
    private static final Color RHO_STAR = new Color(0xD55E00);
    private final XYSeries zeros = new XYSeries("zeros of F", false, true);
    private final JFreeChart chart;

    PlaneChart() {
        chart = Charts.lineChart("Complex t-plane: zeros of F(t) = Σ exp(z_k + a_k t)", "Re t", "Im t",
                new XYSeriesCollection(zeros));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        r.setSeriesPaint(0, new Color(0xE69F00));
        r.setSeriesOutlinePaint(0, Color.BLACK);
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        plot.setRenderer(r);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.getDomainAxis().setAutoRange(false);
        plot.getRangeAxis().setAutoRange(false);
    }

    JFreeChart chart() { return chart; }

    void show(GhostsPlaneViewModel.Analysis a, boolean phase) {
        XYPlot plot = chart.getXYPlot();
        GhostsResult r = a.result();
        double h = a.halfWidth();
        plot.setNotify(false);
        try {
            plot.setBackgroundImage(PlaneImage.render(a.grid(), phase));
            plot.getDomainAxis().setRange(-h, h);
            plot.getRangeAxis().setRange(-h, h);
            zeros.clear();
            for (Zero z : r.zeros()) {
                zeros.add(z.re(), z.im());
                zeros.add(z.re(), -z.im());
            }
            if (r.nearestZero() != null && r.zeros().isEmpty()) {
                zeros.add(r.nearestZero().re(), r.nearestZero().im());
                zeros.add(r.nearestZero().re(), -r.nearestZero().im());
            }
            plot.clearAnnotations();
            plot.clearRangeMarkers();
            plot.clearDomainMarkers();
            plot.addDomainMarker(axisMarker(0));
            plot.addRangeMarker(axisMarker(0));
            if (Double.isFinite(r.rhoA())) {
                IntervalMarker strip = new IntervalMarker(-r.rhoA(), r.rhoA(), new Color(0, 114, 178, 40));
                strip.setLabel("zero-free strip |Im t| < π/Δa");
                strip.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                strip.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addRangeMarker(strip, Layer.BACKGROUND);
                plot.addAnnotation(circle(r.rhoA(), RHO_A, true));
                plot.addAnnotation(label(r.rhoA(), String.format(Locale.ROOT, "ρ_a = π/Δa = %.4g", r.rhoA()), RHO_A));
            }
            if (Double.isFinite(r.rhoStar())) {
                plot.addAnnotation(circle(r.rhoStar(), RHO_STAR, false));
                plot.addAnnotation(label(-r.rhoStar(), String.format(Locale.ROOT, "ρ* = %.4g", r.rhoStar()), RHO_STAR));
            }
        } finally {
            plot.setNotify(true);
        }
    }

    private static ValueMarker axisMarker(double at) {
        ValueMarker m = new ValueMarker(at, new Color(0, 0, 0, 90), new BasicStroke(0.8f));
        return m;
    }

    private static XYShapeAnnotation circle(double radius, Color colour, boolean dashed) {
        BasicStroke stroke = dashed
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(2f);
        return new XYShapeAnnotation(new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius), stroke, colour);
    }

    private static XYTextAnnotation label(double x, String text, Color colour) {
        XYTextAnnotation a = new XYTextAnnotation(text, x, 0);
        a.setPaint(colour);
        a.setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 12));
        a.setBackgroundPaint(new Color(255, 255, 255, 200));
        a.setTextAnchor(x >= 0 ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_RIGHT);
        return a;
    }
}
