package lab.softmax.views.kernels;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import lab.softmax.engine.kernels.BenchResult;
import lab.softmax.engine.kernels.MachineInfo;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.OnePerFrame;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Throughput (GB/s of each algorithm's minimum traffic) against N on a log axis, one line per
 * algorithm × impl, with the measured bandwidth as the roofline and the cache sizes as markers:
 * left of the L2 marker the kernels are bound by arithmetic, right of the L3 marker by memory.
 */
final class ThroughputChart {
    /** Drawn in the empty plot: nothing is measured until the user asks (a run takes seconds to minutes). */
    static final String NO_DATA_MESSAGE =
            "No measurement yet: press \u201c" + KernelsView.RUN_LABEL + "\u201d to time the kernels on this machine";
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;

    ThroughputChart() {
        chart = Charts.lineChart("Throughput vs N", "N (floats)", "GB/s (minimum bytes)", data);
        XYPlot plot = chart.getXYPlot();
        plot.setNoDataMessage(NO_DATA_MESSAGE);
        LogAxis x = Charts.logAxis("N (floats, log)");
        x.setBase(2);
        x.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new SizeFormat());
        // A fixed N axis, 512 … 128M: every cache marker is visible and curves fill in where they belong.
        x.setAutoRange(false);
        x.setRange(512, 1.5e8);
        plot.setDomainAxis(x);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < 8; i++) r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        for (CacheLevel c : CacheLevel.detect()) {
            ValueMarker m = new ValueMarker(c.bytes() / 4.0, new Color(0x999999), new BasicStroke(1f));
            m.setLabel(c.name());
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m);
        }
    }

    JFreeChart chart() { return chart; }

    /** Tick labels 1K, 32K, 1M … (a plain NumberFormat: DecimalFormat's fast path would bypass an override). */
    private static final class SizeFormat extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer b, java.text.FieldPosition f) { return b.append(sizeLabel(v)); }

        @Override
        public StringBuffer format(long v, StringBuffer b, java.text.FieldPosition f) { return b.append(sizeLabel(v)); }

        @Override
        public Number parse(String source, java.text.ParsePosition position) { return null; }
    }

    static String sizeLabel(double n) {
        long v = Math.round(n);
        if (v >= 1 << 20 && v % (1 << 20) == 0) return (v >> 20) + "M";
        if (v >= 1 << 10 && v % (1 << 10) == 0) return (v >> 10) + "K";
        return Long.toString(v);
    }

    void show(List<BenchResult> results, MachineInfo machine) {
        XYPlot plot = chart.getXYPlot();
        // results arrive ~30 times a second while a benchmark runs: the chart is redrawn in a frame of its own
        OnePerFrame.hold(chart);
        try {
            data.removeAllSeries();
            for (BenchResult r : results) {
                if (!r.valid()) continue;
                String key = r.algorithm().id() + " " + r.impl().id() + (r.threads() > 1 ? " ×" + r.threads() : "");
                int index = data.getSeriesIndex(key);
                XYSeries s = index >= 0 ? data.getSeries(index) : new XYSeries(key, true, false);
                s.addOrUpdate(r.n(), r.gbps());
                if (index < 0) data.addSeries(s);
            }
            plot.clearRangeMarkers();
            double top = 0;
            for (int i = 0; i < data.getSeriesCount(); i++) top = Math.max(top, data.getSeries(i).getMaxY());
            if (machine != null) {
                roof(plot, "read", machine.bandwidth().readGbps());
                roof(plot, "triad", machine.bandwidth().triadGbps());
                top = Math.max(top, Math.max(machine.bandwidth().readGbps(), machine.bandwidth().triadGbps()));
            }
            // The roofline must stay on the chart even when every kernel is far below it.
            if (top > 0) plot.getRangeAxis().setRange(0, top * 1.12);
            else plot.getRangeAxis().setAutoRange(true);
        } finally {
            OnePerFrame.release(chart);
        }
    }

    private static void roof(XYPlot plot, String name, double gbps) {
        ValueMarker m = new ValueMarker(gbps, new Color(0x444444),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        m.setLabel(String.format(Locale.ROOT, "%s %.1f GB/s", name, gbps));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m);
    }
}
