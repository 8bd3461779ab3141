package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work runs on a worker; every callback arrives on the UI executor (here a single named thread). */
class BackgroundTasksTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    private final BackgroundTasks tasks = new BackgroundTasks(Executors.newFixedThreadPool(2), ui);

    @AfterEach
    void tearDown() {
        tasks.close();
        ui.shutdownNow();
    }

    @Test
    void theResultArrivesOnTheUiThread() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<String> where = new AtomicReference<>();
        AtomicReference<Integer> value = new AtomicReference<>();
        ui.execute(() -> tasks.run("sum", ctx -> {
            assertFalse(Thread.currentThread().getName().equals("ui"), "work must not run on the UI thread");
            return 2 + 2;
        }, v -> {
            where.set(Thread.currentThread().getName());
            value.set(v);
            done.countDown();
        }, e -> done.countDown()));
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals("ui", where.get());
        assertEquals(4, value.get());
    }

    @Test
    void aFailureArrivesAsTheErrorNotAsADeadThread() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        tasks.run("fails", ctx -> { throw new IllegalStateException("boom"); }, v -> done.countDown(), e -> {
            error.set(e);
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, error.get());
        assertEquals("boom", error.get().getMessage());
    }

    @Test
    void cancellingStopsTheWorkAndReportsNeitherSuccessNorFailure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        List<String> outcomes = new ArrayList<>();
        RunningTask<Integer> task = tasks.run("loop", ctx -> {
            started.countDown();
            while (true) {
                ctx.cancellation().throwIfCancelled();
                Thread.onSpinWait();
            }
        }, v -> outcomes.add("success"), e -> outcomes.add("failure"), () -> {
            outcomes.add("cancelled");
            cancelled.countDown();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        task.cancel();
        assertTrue(cancelled.await(10, TimeUnit.SECONDS));
        ui.submit(() -> { }).get();
        assertEquals(List.of("cancelled"), outcomes);
        assertFalse(task.runningProperty().get());
    }

    @Test
    void progressReachesTheUiCoalescedToTheNewestReport() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        RunningTask<Void> task = tasks.run("steps", ctx -> {
            for (int i = 1; i <= 1000; i++) ctx.progress().report(i / 1000.0, "step " + i);
            return null;
        }, v -> done.countDown(), e -> done.countDown());
        assertTrue(done.await(10, TimeUnit.SECONDS));
        ui.submit(() -> { }).get();
        assertEquals("steps: step 1000", task.messageProperty().get());
    }

    @Test
    void workRequestedAfterCloseEndsAsCancelledInsteadOfThrowing() throws Exception {
        tasks.close();
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicReference<Object> other = new AtomicReference<>();
        RunningTask<Integer> t = ui.submit(() -> tasks.run("late", ctx -> 1, other::set, other::set, cancelled::countDown)).get();
        assertTrue(cancelled.await(5, TimeUnit.SECONDS), "onCancelled runs");
        assertEquals(null, other.get(), "neither success nor failure");
        assertEquals(0, ui.submit(() -> tasks.runningProperty().get()).get());
        assertTrue(t.isCancelled());
    }
}
