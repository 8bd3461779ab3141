package lab.softmax.views.collapse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import lab.softmax.engine.collapse.SampleAnatomy;
import lab.softmax.engine.collapse.SoftmaxCollapse;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * "Why" for one training sample: the exp(z_j − max) terms in the loss precision (log scale) with
 * the half-ulp line below which a term vanishes when added to 1, and the read-outs: the rounded
 * sum, the top-2 gap against the precision's absorption gap, the loss and the target's gradient.
 */
final class AnatomyPanel extends VBox {
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart = Charts.lineChart("exp(z − max) per class, in the loss precision", "class", "term", data);
    private final Label verdict = new Label("Pause or finish a run trained here, then inspect a sample.");
    private final Label details = new Label();

    AnatomyPanel() {
        createView();
    }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(6));
        XYPlot plot = chart.getXYPlot();
        plot.setRangeAxis(Charts.logAxis("exp(z − max)"));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesPaint(1, new Color(0xD55E00));
        chart.removeLegend();
        verdict.setWrapText(true);
        verdict.getStyleClass().add("value-label");
        details.setWrapText(true);
        ChartViewer viewer = Charts.viewer(chart);
        viewer.setPrefSize(420, 260);
        getChildren().addAll(verdict, viewer, details);
    }

    JFreeChart chart() { return chart; }

    void show(SampleAnatomy a) {
        XYPlot plot = chart.getXYPlot();
        plot.setNotify(false);
        data.removeAllSeries();
        plot.clearRangeMarkers();
        if (a == null) {
            verdict.setText("Pause or finish a run trained here, then inspect a sample.");
            details.setText("");
            plot.setNotify(true);
            return;
        }
        String diverged = nonFiniteText(a);
        if (diverged != null) {
            verdict.setText(diverged);
            details.setText("");
            plot.setNotify(true);
            return;
        }
        XYSeries terms = new XYSeries("terms", false, true);
        XYSeries target = new XYSeries("target", false, true);
        double[] e = a.expTerms();
        for (int j = 0; j < e.length; j++) {
            if (e[j] > 0) terms.add(j, e[j]);
        }
        if (e[a.target()] > 0) target.add(a.target(), e[a.target()]);
        data.addSeries(terms);
        data.addSeries(target);
        double halfUlp = a.precision().unitRoundoff();
        plot.addRangeMarker(new ValueMarker(halfUlp, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)));
        plot.setNotify(true);
        String p = a.precision().id();
        verdict.setText(verdictText(a));
        double maxOther = 0;
        for (int j = 0; j < e.length; j++) if (j != a.target()) maxOther = Math.max(maxOther, Math.abs(a.gradient()[j]));
        details.setText(String.format(Locale.ROOT,
                "sample %d: target %d, predicted %d%ntop-2 gap %.3f (absorption gap in %s: %.2f)%n"
                        + "%d of %d other terms are below half an ulp of 1 (%.3g, dashed line)%n"
                        + "largest non-target |dL/dz| %.3g: tiny but non-zero, so Adam with eps 1e-25 still moves the logits",
                a.sample(), a.target(), a.predicted(), a.top2Gap(), p, SoftmaxCollapse.absorptionGap(a.precision()),
                a.absorbed(), e.length - 1, halfUlp, maxOther));
    }

    /**
     * The verdict in plain words. In fp16/bf16 two sums differ: the SC test's (terms rounded to 16 bits, total rounded
     * to 16 bits, as the paper's logger computes it on half tensors) and the loss's (a half log-softmax runs in float32
     * inside, as torch computes it). A sample can be collapsed by the first and still have a small loss by the second.
     */
    static String verdictText(SampleAnatomy a) {
        String p = a.precision().id();
        double targetGradient = a.gradient()[a.target()];
        if (!a.collapsed()) {
            return String.format(Locale.ROOT, "Not collapsed: the sum is %.10g in %s, so the loss (%s) and the target's gradient (%s) are not 0.",
                    a.sumExp(), p, fmt(a.loss()), fmt(targetGradient));
        }
        if (a.loss() == 0 && targetGradient == 0) {
            return String.format(Locale.ROOT, "Collapsed: in %s the sum of the exp terms rounds to exactly 1, so the target's probability is 1 "
                    + "and its loss and gradient are exactly 0: this sample no longer teaches the model.", p);
        }
        double inside = a.lossPathSum();
        return String.format(Locale.ROOT, "Collapsed by the SC test, not in the loss. The SC test rounds each exp term to %1$s, adds them "
                + "(in float32, as torch sums %1$s tensors) and rounds the total to %1$s: exactly 1. The loss is computed as torch "
                + "computes a %1$s log-softmax, in float32 inside and rounded to %1$s only at the end; there the sum is %2$.7f, "
                + "so the target's probability is %3$.7f, its loss %4$s and its gradient %5$s: small, not zero. In %1$s the SC test "
                + "marks samples whose loss is below the precision's step at 1, not samples that stopped learning.",
                p, inside, Math.exp(-a.loss()), fmt(a.loss()), fmt(targetGradient));
    }

    /** The reason there is nothing to explain when a logit is NaN or infinite (a diverged run), else null. */
    static String nonFiniteText(SampleAnatomy a) {
        for (int j = 0; j < a.logits().length; j++) {
            if (!Double.isFinite(a.logits()[j])) {
                return String.format(Locale.ROOT, "Sample %d: logits[%d] is %s, so the sum, the loss and the gradient are not "
                        + "numbers. The run has diverged (try a smaller learning rate); there is no collapse to explain.",
                        a.sample(), j, a.logits()[j]);
            }
        }
        return null;
    }

    private static String fmt(double v) { return v == 0 ? "exactly 0" : String.format(Locale.ROOT, "%.3g", v); }
}
