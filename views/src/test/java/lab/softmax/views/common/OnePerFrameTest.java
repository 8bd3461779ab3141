package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Charts changed together are redrawn once each, in frames of their own; an update queued twice runs once, the latest;
 * a flush redraws the waiting ones at once.
 */
@ExtendWith(ApplicationExtension.class)
class OnePerFrameTest {
    /** Frames seen so far (FX thread). */
    private long frame;
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) { frame++; }
    };

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        frames.start();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** A chart and the frame numbers at which it was redrawn. */
    private record Drawn(JFreeChart chart, XYSeries series, List<Long> frames) { }

    private Drawn chart() {
        XYSeries s = new XYSeries("s");
        JFreeChart c = Charts.lineChart("t", "x", "y", new XYSeriesCollection(s));
        Drawn d = new Drawn(c, s, new ArrayList<>());
        c.addChangeListener(e -> d.frames().add(frame));
        return d;
    }

    @Test
    void chartsChangedTogetherAreRedrawnOnceEachInFramesOfTheirOwn() throws Exception {
        List<Drawn> charts = fx(() -> List.of(chart(), chart(), chart()));
        fx(() -> {
            for (Drawn d : charts) {
                OnePerFrame.hold(d.chart());
                for (int i = 0; i < 100; i++) d.series().add(i, i * i);   // 100 changes, no redraw yet
                OnePerFrame.release(d.chart());
                OnePerFrame.release(d.chart());                         // released twice: still one redraw
            }
            for (Drawn d : charts) assertEquals(List.of(), d.frames(), "no redraw while the batch is applied");
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx(() -> charts.stream().anyMatch(d -> d.frames().isEmpty()))) {
            assertTrue(System.nanoTime() < deadline, "every chart is redrawn");
            Thread.sleep(10);
        }
        Thread.sleep(200);   // and not again later
        List<Long> at = fx(() -> charts.stream().map(d -> {
            assertEquals(1, d.frames().size(), "redrawn once: " + d.frames());
            return d.frames().getFirst();
        }).toList());
        assertEquals(3, at.stream().distinct().count(), "each in a frame of its own: " + at);
    }

    /** An update queued again under its key, before its frame, runs once: the latest one, in the first one's place. */
    @Test
    void anUpdateQueuedAgainUnderItsKeyRunsOnceTheLatest() throws Exception {
        List<String> ran = new ArrayList<>();
        Object table = new Object();
        Object other = new Object();
        fx(() -> {
            OnePerFrame.run(table, () -> ran.add("table 1"));
            OnePerFrame.run(other, () -> ran.add("other"));
            OnePerFrame.run(table, () -> ran.add("table 2"));
            assertEquals(List.of(), ran, "nothing runs before its frame");
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fx(ran::size) < 2) {
            assertTrue(System.nanoTime() < deadline, "both keys' updates run");
            Thread.sleep(10);
        }
        Thread.sleep(200);
        assertEquals(List.of("table 2", "other"), fx(() -> List.copyOf(ran)));
    }

    @Test
    void aFlushRedrawsTheWaitingChartsAtOnce() throws Exception {
        List<Drawn> charts = fx(() -> List.of(chart(), chart()));
        fx(() -> {
            for (Drawn d : charts) {
                OnePerFrame.hold(d.chart());
                d.series().add(1, 2);
                OnePerFrame.release(d.chart());
            }
            OnePerFrame.flush();
            for (Drawn d : charts) assertEquals(1, d.frames().size(), "redrawn by the flush");
            return null;
        });
        Thread.sleep(200);
        fx(() -> {
            for (Drawn d : charts) assertEquals(1, d.frames().size(), "and not again: " + d.frames());
            return null;
        });
    }
}
