package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests during a run lead to exactly one follow-up with the newest input; they cancel the run unless it is young. */
class CoalescingTaskTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(worker, ui);

    @AfterEach
    void tearDown() {
        tasks.close();
        ui.shutdownNow();
    }

    @Test
    void aBurstOfRequestsBecomesOneFollowUpRunWithTheNewestInput() throws Exception {
        AtomicInteger input = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch allRequested = new CountDownLatch(1);
        CoalescingTask<Integer>[] holder = new CoalescingTask[1];
        ui.submit(() -> holder[0] = new CoalescingTask<>(tasks, "test", () -> {
            int value = input.get();
            return ctx -> {
                started.incrementAndGet();
                firstRunning.countDown();
                // The first run lasts until every request is in, then notices it was cancelled;
                // later runs finish at once.
                while (value == 0) {
                    if (allRequested.getCount() == 0) ctx.cancellation().throwIfCancelled();
                    Thread.onSpinWait();
                }
                return value;
            };
        }, v -> {
            shown.add(v);
            done.countDown();
        }, e -> done.countDown())).get();
        ui.submit(() -> holder[0].request()).get();
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            int v = i;
            ui.submit(() -> {
                input.set(v);
                holder[0].request();
            }).get();
        }
        allRequested.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        ui.submit(() -> { }).get();
        assertEquals(List.of(5), shown, "only the newest input is shown; the cancelled run shows nothing");
        assertEquals(2, started.get(), "one run, cancelled, then exactly one follow-up");
        assertFalse(ui.submit(() -> holder[0].runningProperty().get()).get());
    }

    @Test
    void aYoungRunIsKeptAndShownBeforeTheOneFollowUp() throws Exception {
        AtomicInteger input = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothShown = new CountDownLatch(2);
        CoalescingTask<Integer>[] holder = new CoalescingTask[1];
        ui.submit(() -> holder[0] = new CoalescingTask<>(tasks, "test", () -> {
            int value = input.get();
            return ctx -> {
                started.incrementAndGet();
                firstRunning.countDown();
                if (value == 0 && !release.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
                ctx.cancellation().throwIfCancelled();
                return value;
            };
        }, v -> {
            shown.add(v);
            bothShown.countDown();
        }, e -> bothShown.countDown(), 60_000)).get();
        ui.submit(() -> holder[0].request()).get();
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 3; i++) {
            int v = i;
            ui.submit(() -> {
                input.set(v);
                holder[0].request();
            }).get();
        }
        release.countDown();
        assertTrue(bothShown.await(10, TimeUnit.SECONDS));
        ui.submit(() -> { }).get();
        assertEquals(List.of(0, 3), shown, "the kept run shows its result, then the newest input follows once");
        assertEquals(2, started.get());
    }

    /** Cancel (the status bar's) on a run with a follow-up pending stops the work: the follow-up does not start. */
    @Test
    void theUsersCancelDropsThePendingFollowUp() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CoalescingTask<Integer> task = ui.submit(() -> new CoalescingTask<Integer>(tasks, "spins until cancelled", () -> ctx -> {
            runs.incrementAndGet();
            running.countDown();
            while (true) ctx.cancellation().throwIfCancelled();
        }, v -> fail("a cancelled run shows nothing"), e -> { }, 60_000)).get();
        ui.submit(task::request).get();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        ui.submit(task::request).get();   // the run is young and kept: this request only marks a follow-up
        ui.submit(() -> tasks.latestProperty().get().cancel()).get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ui.submit(() -> task.runningProperty().get()).get()) {
            assertTrue(System.nanoTime() < deadline, "the cancelled recomputation did not end");
            Thread.sleep(5);
        }
        Thread.sleep(100);
        assertEquals(1, runs.get(), "no follow-up after the user's Cancel");
    }
}
