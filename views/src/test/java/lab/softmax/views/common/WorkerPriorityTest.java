package lab.softmax.views.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The app's worker threads run nicer than the thread that started them, and so do the threads they start; the nice
 * values are read from the kernel (/proc), not from the code that set them.
 */
class WorkerPriorityTest {
    /** The calling thread's nice value: field 19 of /proc/thread-self/stat (after the command name in parentheses). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);   // fields from the 3rd on: nice is the 19th
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWorkerAndTheThreadsItStartsRunNicerThanTheWindow() throws Exception {
        int caller = niceOfThisThread();
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread worker = BackgroundTasks.workerThreads().newThread(() -> {
            int[] child = new int[1];
            Thread team = new Thread(() -> child[0] = niceOfThisThread());
            team.start();
            try {
                team.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.complete(new int[] {niceOfThisThread(), child[0]});
        });
        worker.start();
        int[] nice = seen.get();
        int expected = Math.min(19, caller + WorkerPriority.NICER_BY);
        assertEquals(expected, nice[0], "the worker");
        assertEquals(expected, nice[1], "a thread the worker started (a training's team)");
        assertEquals(caller, niceOfThisThread(), "the caller keeps its priority");
    }
}
