package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import lab.softmax.views.collapse.CollapsePage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * A measurement, not a unit test (surefire's default includes skip it): a live Collapse training in the real
 * window (headless), a 64 × 64 MLP logging every epoch so its six charts grow as fast as they can, for
 * {@code -Dlongrun.minutes} minutes (default 60), with {@link FxStallProbe} on the FX thread. Prints the heap
 * after a full GC when the first results are shown and at the end, the logged epochs, the points the charts
 * hold and the stall figures:
 * {@code ./mvnw -o verify -pl app -am -Dtest=LongRunMemoryCheck -Dsurefire.failIfNoSpecifiedTests=false -Dlongrun.minutes=60}.
 */
class LongRunMemoryCheck extends LabWindowTest {
    private static final double MINUTES = Double.parseDouble(System.getProperty("longrun.minutes", "60"));

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /** Heap in use after full collections (MiB): several, until it stops falling. */
    private static double heapAfterGc() throws InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        }
        return best;
    }

    private static int chartPoints(CollapsePage page) {
        int points = 0;
        for (JFreeChart chart : page.charts()) {
            XYDataset d = chart.getXYPlot().getDataset();
            for (int s = 0; d != null && s < d.getSeriesCount(); s++) points += d.getItemCount(s);
        }
        return points;
    }

    @Test
    void anHourOfLiveCollapseTrainingKeepsTheHeapFlat() throws Exception {
        CollapsePage page = (CollapsePage) open("Collapse");
        // the paper's task (mod 113, 40 % train) on a 64 x 64 MLP: many epochs a minute, so the charts grow fast
        LongRun run = LongRuns.collapse(page, LongRuns.collapseModel(List.of(64, 64), 10_000_000));
        FxStallProbe probe = new FxStallProbe();   // its buffers (16 MiB) exist before the first heap reading
        fx(() -> { run.start().run(); return null; });
        while (fx(run.shown()::getAsInt) < 100) Thread.sleep(100);
        double heapStart = heapAfterGc();
        int epochsStart = fx(run.shown()::getAsInt);
        int pointsStart = fx(() -> chartPoints(page));
        probe.start();
        long t0 = System.nanoTime();
        long end = t0 + (long) (MINUTES * 60e9);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            System.out.printf(Locale.ROOT, "[longrun] %.1f min: %d epochs logged, %d chart points, heap in use %.0f MiB%n",
                    (System.nanoTime() - t0) / 60e9, fx(run.shown()::getAsInt), fx(() -> chartPoints(page)),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        }
        FxStallProbe.Stats stats = probe.stop();
        int epochsEnd = fx(run.shown()::getAsInt);
        int pointsEnd = fx(() -> chartPoints(page));
        fx(() -> { run.cancel().run(); return null; });
        while (fx(run.busy()::getAsBoolean)) Thread.sleep(20);
        double heapEnd = heapAfterGc();
        System.out.printf(Locale.ROOT, "[longrun] %s logged every epoch, %.1f min: heap after GC %.1f MiB at the start "
                        + "(%d epochs logged, %d chart points), %.1f MiB at the end (%d epochs logged, %d chart points); %s%s%n",
                run.name(), MINUTES, heapStart, epochsStart, pointsStart, heapEnd, epochsEnd, pointsEnd, stats, probe.stallSites());
        assertEquals(stats.pings(), stats.answered());
    }
}
