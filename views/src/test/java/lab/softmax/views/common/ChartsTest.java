package lab.softmax.views.common;

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
        assertTrue(y.getLowerBound() < 3 && y.getUpperBound() > 9e11, "ordinary ranges as before");
    }
}
