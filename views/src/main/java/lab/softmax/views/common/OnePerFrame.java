package lab.softmax.views.common;

import java.util.ArrayDeque;
import javafx.animation.AnimationTimer;
import org.jfree.chart.JFreeChart;

/**
 * Spreads the costly updates of live views over successive frames, one per frame, across the whole window. A batch
 * of live results often changes several charts at once, and a table besides; done together they cost the FX thread
 * tens of ms in one frame (JFreeChart measures and draws every tick label and point, ~10–20 ms a chart; a table whose
 * row count changes lays out and restyles every visible cell), and the window misses frames. Spread over successive
 * frames, each frame does one.
 *
 * <p>For a chart: {@link #hold} it before changing its data (no redraw per change), {@link #release} it after: it is
 * redrawn at the next frame that has nothing else to do yet, once, however often it was released meanwhile. For any
 * other view: {@link #run} its update under a key. One queue for the window, since the frames are the window's.
 * FX thread only.
 */
public final class OnePerFrame {
    /** A waiting update and what identifies it (by identity: a chart's equals follows its content). */
    private static final class Waiting {
        final Object key;
        Runnable update;

        Waiting(Object key, Runnable update) {
            this.key = key;
            this.update = update;
        }
    }

    /** Updates waiting for their frame, oldest first. */
    private static final ArrayDeque<Waiting> WAITING = new ArrayDeque<>();
    private static final AnimationTimer FRAMES = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Waiting next = WAITING.poll();
            if (next != null) next.update.run();
            if (WAITING.isEmpty()) stop();
        }
    };

    private OnePerFrame() { }

    /** Stops the chart's redraws until {@link #release}. */
    public static void hold(JFreeChart chart) {
        chart.setNotify(false);
    }

    /** Redraws the chart at the next frame that has nothing else to do yet. */
    public static void release(JFreeChart chart) {
        run(chart, () -> chart.setNotify(true));   // fires its one redraw
    }

    /**
     * Runs the update at the next frame that has nothing else to do yet. While an update under the same key waits, the
     * new one takes its place in the queue (the latest state is the one shown).
     */
    public static void run(Object key, Runnable update) {
        for (Waiting w : WAITING) {
            if (w.key == key) {
                w.update = update;
                return;
            }
        }
        WAITING.add(new Waiting(key, update));
        FRAMES.start();
    }

    /** Whether no update waits for a frame (work of lower rank, e.g. {@link ChartWarmUp}, may use this one). */
    public static boolean idle() {
        return WAITING.isEmpty();
    }

    /** Runs every waiting update now (before a snapshot of the window). */
    public static void flush() {
        while (!WAITING.isEmpty()) WAITING.poll().update.run();
        FRAMES.stop();
    }
}
