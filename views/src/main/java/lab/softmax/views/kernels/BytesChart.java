package lab.softmax.views.kernels;

import java.awt.Color;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.views.common.Charts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Minimum bytes moved per fp32 element by each algorithm, read and written streams stacked
 * (STREAM convention, no write-allocate; docs/labs/kernels.md): out of cache, time per element is at
 * least this over the bandwidth.
 */
final class BytesChart {
    private final JFreeChart chart;

    BytesChart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Algorithm a : Algorithm.values()) {
            String name = a.id().replace("three-pass-", "");
            data.addValue(a.reads() * 4, "read", name);
            data.addValue(a.writes() * 4, "written", name);
        }
        chart = ChartFactory.createStackedBarChart("Bytes moved per element (minimum)", "", "bytes / element", data,
                PlotOrientation.HORIZONTAL, true, true, false);
        Charts.style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOutlineVisible(false);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, Charts.PALETTE[0]);
        r.setSeriesPaint(1, Charts.PALETTE[1]);
    }

    JFreeChart chart() { return chart; }
}
