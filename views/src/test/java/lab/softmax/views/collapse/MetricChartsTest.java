package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.LossKind;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** Live batches are appended to the plotted series; a retrained run is redrawn from scratch. */
class MetricChartsTest {
    private static EpochMetrics at(int epoch, double sc) {
        return new EpochMetrics(epoch, 1, 0.5, 1, 0.25, sc, sc, 1, 1, 1, 0, 0);
    }

    private static List<EpochMetrics> epochs(int from, int to, double sc) {
        List<EpochMetrics> ms = new ArrayList<>();
        for (int e = from; e < to; e += 10) ms.add(at(e, sc));
        return ms;
    }

    @Test
    void batchesAreAppendedAndTheSc50MarkerIsAddedOnce() {
        MetricCharts charts = new MetricCharts();
        charts.setLogEpochAxis(false);
        RunEntry run = new RunEntry("r", CollapseConfig.defaults(), List.of());
        List<RunEntry> runs = List.of(run);
        run.appendMetrics(epochs(0, 50, 0.1));
        charts.update(runs);
        XYSeries accuracy = charts.solidSeries(0, 0);
        assertEquals(5, accuracy.getItemCount());
        assertEquals(0, charts.markerCount(2));
        run.appendMetrics(epochs(50, 100, 0.7));
        charts.update(runs);
        assertSame(accuracy, charts.solidSeries(0, 0), "a batch must not rebuild the series");
        assertEquals(10, accuracy.getItemCount());
        assertEquals(90.0, accuracy.getX(9).doubleValue(), 0);
        assertEquals(0.25, accuracy.getY(9).doubleValue(), 0);
        assertEquals(1, charts.markerCount(2), "SC passes 50 % at epoch 50");
        run.appendMetrics(epochs(100, 120, 0.9));
        charts.update(runs);
        assertEquals(1, charts.markerCount(2), "the SC-50 % epoch is found once");
        assertEquals(12, charts.solidSeries(0, 0).getItemCount());
    }

    @Test
    void anHoursRunLoggedEveryEpochKeepsEachSeriesBoundedAndItsNewestPoint() {
        MetricCharts charts = new MetricCharts();
        RunEntry run = new RunEntry("r", CollapseConfig.defaults(), List.of());
        List<RunEntry> runs = List.of(run);
        for (int batch = 0; batch < 150; batch++) {
            List<EpochMetrics> ms = new ArrayList<>();
            for (int e = batch * 1000; e < (batch + 1) * 1000; e++) ms.add(at(e, 0.1));
            run.appendMetrics(ms);
            charts.update(runs);
        }
        XYSeries accuracy = charts.solidSeries(0, 0);
        assertTrue(accuracy.getItemCount() <= lab.softmax.views.common.Decimation.CAP, accuracy.getItemCount() + " points");
        assertEquals(149_999.0, accuracy.getMaxX(), 0);
        assertEquals(1.0, accuracy.getMinX(), 0, "the log axis starts at epoch 1");
        charts.setLogEpochAxis(false);
        charts.update(runs);
        assertTrue(charts.solidSeries(0, 0).getItemCount() <= lab.softmax.views.common.Decimation.CAP, "a rebuild is thinned too");
    }

    @Test
    void runsWithTheSameLabelAreDrawnSideBySide() {
        // a file may hold two runs of one label; series keys must differ or the chart refuses the second run
        MetricCharts charts = new MetricCharts();
        RunEntry a = new RunEntry("same", CollapseConfig.defaults(), epochs(0, 50, 0.1));
        RunEntry b = new RunEntry("same", CollapseConfig.defaults(), epochs(0, 80, 0.1));
        charts.update(List.of(a, b));
        assertEquals(4, charts.solidSeries(0, 0).getItemCount(), "epochs 10..40 on the log axis");
        assertEquals(7, charts.solidSeries(0, 1).getItemCount());
    }

    @Test
    void aRetrainedRunIsRedrawn() {
        MetricCharts charts = new MetricCharts();
        charts.setLogEpochAxis(false);
        RunEntry run = new RunEntry("r", CollapseConfig.defaults(), List.of());
        run.appendMetrics(epochs(0, 30, 0.7));
        charts.update(List.of(run));
        run.clearMetrics();
        run.appendMetrics(epochs(0, 50, 0.1));   // more points than before, all new
        charts.update(List.of(run));
        assertEquals(5, charts.solidSeries(2, 0).getItemCount());
        assertEquals(0.1, charts.solidSeries(2, 0).getY(4).doubleValue(), 0);
        assertEquals(0, charts.markerCount(2));
    }

    @Test
    void aStableMaxRunsScIsDrawnAsHypotheticalAndSaysSo() {
        MetricCharts charts = new MetricCharts();
        RunEntry softmax = new RunEntry("softmax", CollapseConfig.defaults(), List.of());
        RunEntry stableMax = new RunEntry("stablemax", stableMax(CollapseConfig.defaults()), List.of());
        for (RunEntry run : List.of(softmax, stableMax)) {
            run.appendMetrics(epochs(0, 20, 0.1));
            run.appendMetrics(epochs(20, 40, 0.7));
        }
        charts.update(List.of(softmax));
        assertFalse(charts.drawnAsHypothetical(0));
        assertTrue(charts.scSubtitles().isEmpty(), charts.scSubtitles().toString());
        charts.update(List.of(softmax, stableMax));
        assertFalse(charts.drawnAsHypothetical(0));
        assertTrue(charts.drawnAsHypothetical(1), "StableMax SC is the softmax formula on its logits");
        assertEquals(1, charts.scSubtitles().size());
        assertTrue(charts.scSubtitles().getFirst().contains("would collapse"));
        assertEquals(1, charts.markerCount(2), "only the softmax run gets an SC-50 % line");
    }

    private static CollapseConfig stableMax(CollapseConfig c) {
        return new CollapseConfig(c.task(), c.operation(), c.modulus(), c.trainFraction(), c.hidden(), c.optimizer(), c.lr(),
                c.beta1(), c.beta2(), c.eps(), c.momentum(), c.weightDecay(), LossKind.STABLEMAX_CE, c.lossPrecision(),
                c.orthograd(), c.epochs(), c.logEvery(), c.seed(), c.parityBits(), c.noiseBits(), c.paritySamples());
    }

    @Test
    void fractionsKeepTheWholeUnitIntervalEvenWhenEveryValueIsZero() {
        // fitted to all-zero data, the SC axis ran from -5e-9 to 5e-9
        MetricCharts charts = new MetricCharts();
        RunEntry run = new RunEntry("r", CollapseConfig.defaults(), List.of());
        run.appendMetrics(epochs(10, 100, 0.0));
        charts.update(List.of(run));
        for (int chart : new int[] {0, MetricCharts.SC_CHART}) {
            ValueAxis y = charts.charts().get(chart).getXYPlot().getRangeAxis();
            assertTrue(y.getLowerBound() <= 0 && y.getLowerBound() > -0.1 && y.getUpperBound() >= 1 && y.getUpperBound() < 1.1,
                    "chart " + chart + ": " + y.getLowerBound() + ".." + y.getUpperBound());
        }
    }

    @Test
    void threeSeedsOfOneSettingGetAMedianBandOnTheAccuracyChart() {
        MetricCharts charts = new MetricCharts();
        charts.setLogEpochAxis(false);
        List<RunEntry> runs = new ArrayList<>();
        double[][] testAcc = {{0.0, 0.2, 0.9}, {0.0, 0.1, 0.3}, {0.0, 0.4, 0.5}};
        for (int r = 0; r < 3; r++) {
            RunEntry run = new RunEntry("seed " + r, CollapseConfig.defaults().withSeed(r), List.of());
            List<EpochMetrics> ms = new ArrayList<>();
            for (int i = 0; i < 3; i++) ms.add(new EpochMetrics(10 * i, 1, 1, 1, testAcc[r][i], 0, 0, 1, 1, 1, 0, 0));
            run.appendMetrics(ms);
            runs.add(run);
        }
        charts.update(runs);
        var band = (org.jfree.data.xy.YIntervalSeriesCollection) charts.charts().getFirst().getXYPlot().getDataset(1);
        assertEquals(1, band.getSeriesCount());
        assertEquals(3, band.getItemCount(0));
        assertEquals(0.2, band.getYValue(0, 1), 0, "median of 0.2, 0.1, 0.4");
        assertEquals(0.1, band.getStartYValue(0, 1), 0);
        assertEquals(0.4, band.getEndYValue(0, 1), 0);
        assertEquals(0.5, band.getYValue(0, 2), 0, "median of 0.9, 0.3, 0.5");
        charts.update(runs.subList(0, 2));
        assertEquals(0, band.getSeriesCount(), "two runs: no band");
    }
}
