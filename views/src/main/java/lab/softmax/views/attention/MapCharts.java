package lab.softmax.views.attention;

import java.awt.BasicStroke;
import java.awt.Color;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.OnePerFrame;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The Map tab's two charts: H/ln n per query row (rows downwards, beside the map) and the hovered row's weights. */
final class MapCharts {
    private final XYSeries entropy = new XYSeries("H / ln n_visible", false, true);
    private final XYSeries row = new XYSeries("weights", false, true);
    /** Above this many keys a row is drawn as a filled step curve: a thousand bars cost the FX thread tens of ms. */
    private static final int MAX_BARS = 256;
    private static final Color ROW_COLOUR = new Color(0x0072B2);
    private final XYBarRenderer bars = new XYBarRenderer(0.1);
    private final XYStepAreaRenderer area = new XYStepAreaRenderer(XYStepAreaRenderer.AREA);
    private final JFreeChart entropyChart;
    private final JFreeChart rowChart;

    MapCharts() {
        entropyChart = Charts.lineChart("Row entropy H/ln n", "query i", "H / ln n", new XYSeriesCollection(entropy));
        XYPlot ep = entropyChart.getXYPlot();
        ep.setOrientation(PlotOrientation.HORIZONTAL);   // rows run downwards, as in the map
        ep.getDomainAxis().setInverted(true);
        ((NumberAxis) ep.getDomainAxis()).setAutoRangeIncludesZero(true);
        ep.getRangeAxis().setRange(0, 1.02);
        entropyChart.removeLegend();

        rowChart = Charts.lineChart("Weights of the hovered row (move the mouse over the map)", "key j", "weight a_ij",
                new XYSeriesCollection(row));
        XYPlot rp = rowChart.getXYPlot();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ROW_COLOUR);
        bars.setDrawBarOutline(false);
        bars.setSeriesStroke(0, new BasicStroke(1f));
        area.setSeriesPaint(0, ROW_COLOUR);
        rp.setRenderer(bars);
        rp.getRangeAxis().setRange(0, 1);
        rowChart.removeLegend();
    }

    JFreeChart entropyChart() { return entropyChart; }

    JFreeChart rowChart() { return rowChart; }

    /** One chart event per call (each event redraws the whole chart on the FX thread), in a frame of its own. */
    void showEntropy(MapComputation m) {
        OnePerFrame.hold(entropyChart);
        try {
            fillEntropy(m);
        } finally {
            OnePerFrame.release(entropyChart);
        }
    }

    private void fillEntropy(MapComputation m) {
        entropy.setNotify(false);
        entropy.clear();
        double[] e = m.entropyOverLogN();
        for (int i = 0; i < e.length; i++) {
            if (!Double.isNaN(e[i])) entropy.add(i, e[i]);
        }
        entropy.setNotify(true);
        entropyChart.getXYPlot().getDomainAxis().setRange(-0.5, Math.max(1, m.queries() - 0.5));
    }

    /** Shows row i of the map (or, for i &lt; 0, the last row: under a causal mask the one that sees every key). */
    void showRow(MapComputation m, int i) {
        rowChart.setNotify(false);
        try {
            fillRow(m, i);
        } finally {
            rowChart.setNotify(true);
        }
    }

    private void fillRow(MapComputation m, int i) {
        XYPlot rp = rowChart.getXYPlot();
        String what;
        if (i < 0) {
            i = m.queries() - 1;
            what = "the last row, i = " + i + " (hover the map for another)";
        } else {
            what = "row i = " + i;
        }
        int keys = m.keys();
        double top = 0;
        row.setNotify(false);
        row.clear();
        for (int j = 0; j < keys; j++) {
            double w = m.weight(i, j);
            double v = Double.isNaN(w) ? 0 : w;
            row.add(j, v);
            top = Math.max(top, v);
        }
        row.setNotify(true);
        rowChart.setTitle(String.format(java.util.Locale.ROOT, "Weights of %s: H/ln n = %.3f, max %.3g, τ_i = %.3g", what,
                m.entropyOverLogN()[i], m.maxWeight()[i], m.queryTau()[i]));
        rowChart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 12));
        rp.setRenderer(keys > MAX_BARS ? area : bars);
        rp.getDomainAxis().setRange(-0.5, keys - 0.5);
        rp.getRangeAxis().setRange(0, top > 0 ? Math.min(1, top * 1.1) : 1);
    }
}
