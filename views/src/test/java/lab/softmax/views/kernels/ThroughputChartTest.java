package lab.softmax.views.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The empty throughput chart says how to fill it (JFreeChart draws the message only while there is no data). */
class ThroughputChartTest {
    @Test
    void anEmptyChartTellsTheUserToRunTheBenchmark() {
        ThroughputChart chart = new ThroughputChart();
        assertEquals(ThroughputChart.NO_DATA_MESSAGE, chart.chart().getXYPlot().getNoDataMessage());
        assertTrue(ThroughputChart.NO_DATA_MESSAGE.contains(KernelsView.RUN_LABEL), "names the button the view shows");
        assertEquals(0, chart.chart().getXYPlot().getDataset().getSeriesCount(), "nothing measured yet");
    }
}
