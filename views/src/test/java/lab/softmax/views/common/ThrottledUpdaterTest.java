package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottledUpdaterTest {
    @Test
    void aBurstOfItemsArrivesInFewBatchesWithNothingLostOrReordered() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        ThrottledUpdater<Integer> updater = new ThrottledUpdater<>(50, ui, batch -> batches.add(List.copyOf(batch)));
        for (int i = 0; i < 10_000; i++) updater.offer(i);
        // Wait for delivery, not for a fixed time: this machine may be busy.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ui.submit(() -> batches.stream().mapToInt(List::size).sum()).get() < 10_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ui.shutdown();
        assertTrue(ui.awaitTermination(5, TimeUnit.SECONDS));
        List<Integer> all = batches.stream().flatMap(List::stream).toList();
        assertEquals(10_000, all.size());
        for (int i = 0; i < all.size(); i++) assertEquals(i, all.get(i));
        assertTrue(batches.size() <= 10, "10,000 offers in a burst became " + batches.size() + " repaints");
    }
}
