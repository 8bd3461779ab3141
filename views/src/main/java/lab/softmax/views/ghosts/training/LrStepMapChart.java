package lab.softmax.views.ghosts.training;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import lab.softmax.engine.ghosts.training.LrStepMap;
import lab.softmax.views.common.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The (learning rate × step) stability map: one block per (step, rate) coloured by log10 r with a
 * diverging palette centred on r = 1 (blue safe, white at the radius, red outside; clamped at
 * r = 10^±{@value #DECADES}), a diverged step (r NaN) in black. Rows are log-spaced, so the y axis is
 * log10 of the learning rate and each block is one grid spacing tall.
 */
final class LrStepMapChart {
    static final double DECADES = 3;
    private static final Color SAFE = new Color(0x2166AC);
    private static final Color UNSAFE = new Color(0xB2182B);
    private final DefaultXYZDataset data = new DefaultXYZDataset();
    private final XYBlockRenderer renderer = new XYBlockRenderer();
    private final JFreeChart chart;

    LrStepMapChart() {
        NumberAxis steps = Charts.numberAxis("step");
        NumberAxis rates = Charts.numberAxis("log10 base learning rate");
        rates.setAutoRangeIncludesZero(false);
        steps.setAutoRangeIncludesZero(false);
        renderer.setPaintScale(PALETTE);
        XYPlot plot = new XYPlot(data, steps, rates, renderer);
        chart = new JFreeChart("Normalised step r = τ/ρ_a per step and learning rate (black: diverged, NaN)", plot);
        Charts.style(chart);
        chart.removeLegend();
        NumberAxis scaleAxis = new NumberAxis("log10 r  (0: r = 1, the certified radius)");
        scaleAxis.setRange(-DECADES, DECADES);
        PaintScaleLegend legend = new PaintScaleLegend(PALETTE, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(4, 8, 4, 4);
        chart.addSubtitle(legend);
    }

    JFreeChart chart() { return chart; }

    /** Redraws from the rows received so far (rows arrive in rate order; empty clears the map). */
    void show(List<LrStepMap.Row> rows) {
        if (data.getSeriesCount() > 0) data.removeSeries("r");
        if (rows.isEmpty()) return;
        int cells = 0;
        for (LrStepMap.Row row : rows) cells += row.r().length;
        double[][] xyz = new double[3][cells];
        int k = 0;
        for (LrStepMap.Row row : rows) {
            double y = Math.log10(row.lr());
            for (int t = 0; t < row.r().length; t++, k++) {
                xyz[0][k] = t;
                xyz[1][k] = y;
                double r = row.r()[t];
                xyz[2][k] = Double.isNaN(r) ? Double.NaN : r <= 0 ? -DECADES : Math.log10(r);
            }
        }
        double spacing = (Math.log10(LrStepMap.DEFAULT_LR_MAX) - Math.log10(LrStepMap.DEFAULT_LR_MIN))
                / Math.max(1, LrStepMap.DEFAULT_RATES - 1);
        renderer.setBlockHeight(spacing);
        renderer.setBlockWidth(1);
        data.addSeries("r", xyz);
    }

    /** log10 r → colour: blue below 0, white at 0, red above; NaN black (the run has diverged). */
    static final PaintScale PALETTE = new PaintScale() {
        @Override
        public double getLowerBound() { return -DECADES; }

        @Override
        public double getUpperBound() { return DECADES; }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) return Color.BLACK;
            double u = Math.max(-1, Math.min(1, value / DECADES));
            Color end = u < 0 ? SAFE : UNSAFE;
            double w = Math.abs(u);
            return new Color(mix(255, end.getRed(), w), mix(255, end.getGreen(), w), mix(255, end.getBlue(), w));
        }
    };

    private static int mix(int from, int to, double w) { return (int) Math.round(from + (to - from) * w); }
}
