package lab.softmax.views.attention;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import lab.softmax.engine.attention.NeedleEval;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.OnePerFrame;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Needle weight, H/ln n and value accuracy against the context length n (log₂ axis), vanilla and
 * SSA; the training range n ≤ 256 is shaded, beyond it is extrapolation.
 */
final class DilutionCharts {
    /** The needle task's longest training context (NeedlePreset's train lengths end at 256). */
    static final int TRAIN_MAX = 256;

    private final JFreeChart needle;
    private final JFreeChart entropy;
    private final JFreeChart accuracy;
    private final XYSeriesCollection[] data = new XYSeriesCollection[3];

    DilutionCharts() {
        needle = chart(0, "Needle weight a_t (mean)", "a_t");
        entropy = chart(1, "Entropy H / ln n (0: one-hot, 1: uniform)", "H / ln n");
        accuracy = chart(2, "Value accuracy (nearest value to ŷ is v_t)", "accuracy");
    }

    private JFreeChart chart(int k, String title, String yLabel) {
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(new XYSeries("vanilla", true, false));
        d.addSeries(new XYSeries("SSA", true, false));
        data[k] = d;
        JFreeChart c = Charts.lineChart(title, "context length n", yLabel, d);
        XYPlot plot = c.getXYPlot();
        LogAxis x = new LogAxis("context length n (log₂; trained on n ≤ " + TRAIN_MAX + ")");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(2));   // 4, 16, 64, … : every second power of two
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        x.setRange(6, 5500);
        x.setLabelFont(plot.getRangeAxis().getLabelFont());
        x.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
        plot.setDomainAxis(x);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int s = 0; s < 2; s++) {
            r.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        IntervalMarker trained = new IntervalMarker(6, TRAIN_MAX, new Color(0, 0, 0, 14));
        trained.setLabel("training range");
        trained.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
        trained.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        trained.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(trained, Layer.BACKGROUND);
        return c;
    }

    List<JFreeChart> charts() { return List.of(needle, entropy, accuracy); }

    void show(NeedleMode mode, List<NeedleEval> evals) {
        int s = mode == NeedleMode.VANILLA ? 0 : 1;
        for (int k = 0; k < 3; k++) {
            OnePerFrame.hold(charts().get(k));
            XYSeries series = data[k].getSeries(s);
            series.setNotify(false);
            series.clear();
            for (NeedleEval e : evals) {
                series.add(e.n(), switch (k) {
                    case 0 -> e.needleWeight();
                    case 1 -> e.entropyOverLogN();
                    default -> e.valueAccuracy();
                });
            }
            series.setNotify(true);
            OnePerFrame.release(charts().get(k));
        }
    }

    void subtitle(String text) {
        for (JFreeChart c : charts()) {
            c.setNotify(false);
            c.clearSubtitles();
            c.addSubtitle(new org.jfree.chart.title.LegendTitle(c.getXYPlot()));
            if (text != null && !text.isEmpty()) {
                org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(text,
                        new java.awt.Font("SansSerif", java.awt.Font.ITALIC, 11));
                t.setPaint(new Color(0x555555));
                c.addSubtitle(t);
            }
            c.setNotify(true);
        }
    }
}
