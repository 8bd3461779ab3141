package lab.softmax.views.collapse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Optional;
import lab.softmax.engine.collapse.SeedSpread;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * On the accuracy chart, when three or more runs differ only in their seed: the lowest-to-highest test accuracy
 * over the seeds as a grey band and their median as a thick black line, so grokking's spread in time is seen, not
 * one run's timing.
 */
final class SeedBand {
    private static final int DATASET = 1;
    private final JFreeChart chart;
    private final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    private final TextTitle note = new TextTitle("", new Font("SansSerif", Font.PLAIN, 11));
    private SeedSpread shown;
    private boolean shownLogEpochs;

    SeedBand(JFreeChart accuracyChart) {
        this.chart = accuracyChart;
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesFillPaint(0, new Color(0x80, 0x80, 0x80));
        renderer.setSeriesStroke(0, new BasicStroke(3.2f));
        renderer.setAlpha(0.22f);
        XYPlot plot = chart.getXYPlot();
        plot.setDataset(DATASET, data);
        plot.setRenderer(DATASET, renderer);
    }

    void update(List<RunEntry> runs, boolean logEpochs) {
        Optional<SeedSpread> spread = SeedSpread.of(runs.stream()
                .map(r -> new SeedSpread.Run(r.config(), r.metrics())).toList());
        if (spread.isPresent() && shown != null && logEpochs == shownLogEpochs && spread.get().runs() == shown.runs()
                && spread.get().epochs().length == shown.epochs().length) {
            return;   // nothing new logged by every run: the band stands
        }
        shown = spread.orElse(null);
        shownLogEpochs = logEpochs;
        data.removeAllSeries();
        chart.removeSubtitle(note);
        if (shown == null) return;
        YIntervalSeries band = new YIntervalSeries("median over " + shown.runs() + " seeds", false, true);
        for (int i = 0; i < shown.epochs().length; i++) {
            if (logEpochs && shown.epochs()[i] == 0) continue;
            band.add(shown.epochs()[i], shown.median()[i], shown.lowest()[i], shown.highest()[i]);
        }
        data.addSeries(band);
        note.setText("black: median test accuracy over " + shown.runs() + " seeds; grey: lowest to highest (to epoch "
                + shown.epochs()[shown.epochs().length - 1] + ", the shortest run)");
        chart.addSubtitle(note);
    }

    /** The spread drawn now, or null (for tests). */
    SeedSpread shown() { return shown; }
}
