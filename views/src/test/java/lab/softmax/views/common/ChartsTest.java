package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Charts' axes, without a window (JFreeChart draws nothing until asked). */
class ChartsTest {

    @Test
    void aLogAxisTakesASingleHugeValue() {
        // a diverging run logs one loss of ~1e12 first: JFreeChart's own LogAxis throws on that range
        XYSeriesCollection data = new XYSeriesCollection();
        JFreeChart chart = Charts.lineChart("loss", "epoch", "loss", data);
        chart.getXYPlot().setRangeAxis(Charts.logAxis("loss"));
        XYSeries s = new XYSeries("run");
        s.add(1, 9.455720203637473E11);
        data.addSeries(s);
        ValueAxis y = chart.getXYPlot().getRangeAxis();
        assertTrue(y.getLowerBound() < 9.455720203637473E11 && y.getUpperBound() > 9.455720203637473E11,
                y.getLowerBound() + ".." + y.getUpperBound());
        s.add(2, 3.0);
        assertTrue(y.getLowerBound() < 3 && y.getUpperBound() > 9e11, "ordinary ranges still fit");
    }

    @Test
    void aLogAxisWhoseDataLieWithinOneDecadeWidensToItSoItHasTickLabels() {
        // ticks sit on powers of ten only: mean |logit| from 1.35 to 7.2 showed no number at all
        assertRange(new double[] {1.35, 3.3, 7.2}, 1, 10);
        assertRange(new double[] {0.012, 0.07}, 0.01, 0.1);
        // ranges that hold a power of ten stay fitted to the data
        ValueAxis y = axisFor(new double[] {12, 300});
        assertTrue(y.getLowerBound() > 10 && y.getUpperBound() < 1000, y.getLowerBound() + ".." + y.getUpperBound());
        y = axisFor(new double[] {0.5, 7});
        assertTrue(y.getLowerBound() > 0.1 && y.getUpperBound() < 10, y.getLowerBound() + ".." + y.getUpperBound());
    }

    private static void assertRange(double[] values, double lower, double upper) {
        ValueAxis y = axisFor(values);
        assertTrue(Math.abs(y.getLowerBound() - lower) < 1e-9 * lower && Math.abs(y.getUpperBound() - upper) < 1e-9 * upper,
                java.util.Arrays.toString(values) + ": " + y.getLowerBound() + ".." + y.getUpperBound());
    }

    private static ValueAxis axisFor(double[] values) {
        XYSeriesCollection data = new XYSeriesCollection();
        JFreeChart chart = Charts.lineChart("m", "epoch", "m", data);
        chart.getXYPlot().setRangeAxis(Charts.logAxis("m"));
        XYSeries s = new XYSeries("run");
        for (int i = 0; i < values.length; i++) s.add(i + 1, values[i]);
        data.addSeries(s);
        return chart.getXYPlot().getRangeAxis();
    }

    @Test
    void aLookChangeRestylesLiveChartsAndBack() {
        XYSeries s = new XYSeries("run");
        s.add(1, 2);
        JFreeChart chart = Charts.lineChart("loss", "epoch", "loss", new XYSeriesCollection(s));
        var r = chart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, java.awt.Color.BLACK);   // a view's own black line
        try {
            ChartLook dark = new ChartLook(true, true);
            Charts.setLook(dark);
            assertEquals(dark.background(), chart.getBackgroundPaint());
            assertEquals(dark.background(), chart.getXYPlot().getBackgroundPaint());
            assertEquals(dark.text(), chart.getXYPlot().getRangeAxis().getTickLabelPaint());
            assertEquals(dark.gridline(), chart.getXYPlot().getDomainGridlinePaint());
            assertEquals(dark.text(), chart.getLegend().getItemPaint());
            assertEquals(dark.text(), r.getSeriesPaint(0), "black ink turns light on dark");
            assertEquals(1.8f * 1.75f, ((java.awt.BasicStroke) r.getSeriesStroke(1)).getLineWidth(), 1e-6);
            assertEquals(12f * 1.4f, chart.getXYPlot().getDomainAxis().getLabelFont().getSize2D(), 1e-4);
        } finally {
            Charts.setLook(ChartLook.LIGHT);
        }
        assertEquals(java.awt.Color.WHITE, chart.getBackgroundPaint());
        assertEquals(java.awt.Color.BLACK, r.getSeriesPaint(0));
        assertEquals(1.8f, ((java.awt.BasicStroke) r.getSeriesStroke(1)).getLineWidth(), 1e-6);
        assertEquals(12f, chart.getXYPlot().getDomainAxis().getLabelFont().getSize2D(), 1e-4);
    }

    @Test
    void anAdoptedRendererOffThePlotFollowsTheLookToo() {
        JFreeChart chart = Charts.lineChart("p", "i", "p", new XYSeriesCollection());
        var spare = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        spare.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        var log = Charts.logAxis("p (log)");
        Charts.adopt(chart, spare, log, chart.getXYPlot().getRenderer());
        try {
            Charts.setLook(new ChartLook(true, true));
            assertEquals(2f * 1.75f, ((java.awt.BasicStroke) spare.getSeriesStroke(0)).getLineWidth(), 1e-6);
            assertEquals(new ChartLook(true, true).text(), log.getTickLabelPaint());
            assertEquals(1.8f * 1.75f, ((java.awt.BasicStroke) chart.getXYPlot().getRenderer().getSeriesStroke(0)).getLineWidth(),
                    1e-6, "on the plot and adopted: scaled once");
        } finally {
            Charts.setLook(ChartLook.LIGHT);
        }
        assertEquals(2f, ((java.awt.BasicStroke) spare.getSeriesStroke(0)).getLineWidth(), 1e-6);
    }

    /**
     * A line chart's points carry their tooltips, written when asked for rather than at every drawing: the text is
     * JFreeChart's own ("series: (x, y)"), and a point removed since the drawing has none (no exception).
     */
    @Test
    void lineChartTooltipsAreWrittenWhenAskedFor() {
        XYSeries s = new XYSeries("loss");
        for (int i = 0; i < 50; i++) s.add(i, 100.0 + i);
        JFreeChart chart = Charts.lineChart("t", "x", "y", new XYSeriesCollection(s));
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 400, 300), info);
        g.dispose();
        java.util.List<org.jfree.chart.entity.XYItemEntity> points = new java.util.ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof org.jfree.chart.entity.XYItemEntity p) points.add(p);
        }
        assertEquals(50, points.size());
        org.jfree.chart.entity.XYItemEntity last = points.stream().filter(p -> p.getItem() == 49).findFirst().orElseThrow();
        assertEquals("loss: (49, 149)", last.getToolTipText());
        s.remove(49);
        assertEquals(null, last.getToolTipText(), "a point gone since the drawing has no tip");
    }
}
