package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The updater on a hand-driven clock and timer: which offers make a repaint, and when, is exact. */
class ThrottledUpdaterTest {
    private record Scheduled(Runnable task, long delayMillis) { }

    private final long[] now = {TimeUnit.SECONDS.toNanos(-5)};   // nanoTime's origin is arbitrary, even negative
    private final List<Scheduled> timer = new ArrayList<>();
    private final List<List<Integer>> batches = new ArrayList<>();
    private final ThrottledUpdater<Integer> updater = new ThrottledUpdater<>(50, Runnable::run,
            batch -> batches.add(List.copyOf(batch)), (task, delay) -> timer.add(new Scheduled(task, delay)), () -> now[0]);

    private void advanceMillis(long ms) { now[0] += TimeUnit.MILLISECONDS.toNanos(ms); }

    private void fireTimer() {
        assertEquals(1, timer.size(), "one repaint scheduled");
        timer.removeFirst().task().run();
    }

    @Test
    void aBurstBecomesOneBatchWithNothingLostOrReordered() {
        for (int i = 0; i < 10_000; i++) updater.offer(i);
        assertEquals(1, timer.size(), "10,000 offers schedule one repaint");
        assertEquals(0, timer.getFirst().delayMillis(), "nothing was shown for a period: at once");
        assertTrue(batches.isEmpty(), "nothing is applied before the timer fires");
        fireTimer();
        assertEquals(List.of(IntStream.range(0, 10_000).boxed().toList()), batches);
    }

    @Test
    void offersWithinAPeriodOfTheLastRepaintWaitForTheRestOfIt() {
        updater.offer(0);
        fireTimer();
        advanceMillis(10);
        for (int i = 1; i <= 100; i++) updater.offer(i);
        assertEquals(1, timer.size());
        assertEquals(40, timer.getFirst().delayMillis(), "50 ms period, 10 ms since the last repaint");
        advanceMillis(40);
        fireTimer();
        assertEquals(List.of(List.of(0), IntStream.rangeClosed(1, 100).boxed().toList()), batches);
        advanceMillis(60);
        updater.offer(101);
        assertEquals(0, timer.getFirst().delayMillis(), "more than a period since the last repaint: at once");
        fireTimer();
        assertEquals(List.of(101), batches.getLast());
    }

    @Test
    void anExplicitFlushTakesEverythingAndTheScheduledRepaintThenAppliesNothing() {
        updater.offer(1);
        updater.offer(2);
        updater.flush();
        assertEquals(List.of(List.of(1, 2)), batches);
        fireTimer();
        assertEquals(1, batches.size(), "an empty batch is not applied");
    }
}
