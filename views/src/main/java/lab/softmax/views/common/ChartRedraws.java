package lab.softmax.views.common;

import java.util.ArrayDeque;
import javafx.animation.AnimationTimer;
import org.jfree.chart.JFreeChart;

/**
 * Redraws live charts one per frame, across the whole window. A batch of live results often changes several charts
 * at once; redrawn together they cost the FX thread tens of ms in one frame (JFreeChart measures and draws every
 * tick label and point there, ~10–20 ms a chart), and the window misses frames. Spread over successive frames,
 * each frame draws one.
 *
 * <p>{@link #hold} a chart before changing its data (no redraw per change), {@link #release} it after: it is redrawn
 * at the next frame that has no chart to draw yet, once, however often it was released meanwhile. One queue for the
 * window, since the frames are the window's. FX thread only.
 */
public final class ChartRedraws {
    /** Charts waiting for their frame, oldest first (by identity: a chart's equals follows its content). */
    private static final ArrayDeque<JFreeChart> WAITING = new ArrayDeque<>();
    private static final AnimationTimer FRAMES = new AnimationTimer() {
        @Override
        public void handle(long now) {
            JFreeChart next = WAITING.poll();
            if (next != null) next.setNotify(true);   // fires its one redraw
            if (WAITING.isEmpty()) stop();
        }
    };

    private ChartRedraws() { }

    /** Stops the chart's redraws until {@link #release}. */
    public static void hold(JFreeChart chart) {
        chart.setNotify(false);
    }

    /** Redraws the chart at the next frame that has no chart to draw yet. */
    public static void release(JFreeChart chart) {
        for (JFreeChart c : WAITING) if (c == chart) return;
        WAITING.add(chart);
        FRAMES.start();
    }

    /** Redraws every waiting chart now (before a snapshot of the window). */
    public static void flush() {
        while (!WAITING.isEmpty()) WAITING.poll().setNotify(true);
        FRAMES.stop();
    }
}
