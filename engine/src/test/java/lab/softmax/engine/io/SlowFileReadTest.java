package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a huge or slow file reports how far it is and stops when cancelled: a 10⁶-logit file reports
 * rising fractions ending near 1; a named pipe fed slowly (a file on a stalled network drive behaves alike)
 * reports the megabytes read and, once cancelled, ends with the next bytes instead of reading on.
 */
class SlowFileReadTest {
    @TempDir Path dir;

    private record Report(double fraction, String message) { }

    @Test
    void aHugeFileReportsRisingFractionsOfItsSize() throws IOException {
        Path file = dir.resolve("big.csv");
        StringBuilder b = new StringBuilder(8_000_000);
        for (int i = 0; i < 1_000_000; i++) b.append(i % 100 - 50).append(".25\n");
        Files.writeString(file, b);
        List<Report> reports = new CopyOnWriteArrayList<>();
        double[] z = LogitsFile.read(file, (f, m) -> reports.add(new Report(f, m)), Cancellation.none());
        assertEquals(1_000_000, z.length);
        assertEquals(-49.25, z[1], 0.0);   // "-49" + ".25"
        assertTrue(reports.size() >= 10, "a report every 256 KiB of " + Files.size(file) + " bytes: " + reports.size());
        for (int i = 1; i < reports.size(); i++) assertTrue(reports.get(i).fraction() > reports.get(i - 1).fraction());
        assertTrue(reports.getLast().fraction() > 0.9, reports.getLast().toString());
        assertTrue(reports.getLast().message().endsWith(" MB"), reports.getLast().message());
    }

    @Test
    void aSlowPipeCanBeCancelledWhileItIsRead() throws Exception {
        Path fifo = dir.resolve("slow.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        Cancellation cancel = new Cancellation();
        List<Report> reports = new CopyOnWriteArrayList<>();
        CompletableFuture<double[]> reading = CompletableFuture.supplyAsync(
                () -> LogitsFile.read(fifo, (f, m) -> reports.add(new Report(f, m)), cancel));
        byte[] chunk = "1.5, ".repeat(1 << 17).getBytes(StandardCharsets.US_ASCII);   // 640 KiB of logits
        try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write("{\"logits\": [".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 4; i++) {
                out.write(chunk);
                out.flush();
                Thread.sleep(50);   // slow: the reader waits for each chunk
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reports.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertTrue(reports.getFirst().fraction() < 0, "a pipe has no size: " + reports.getFirst());
            assertTrue(reports.getFirst().message().endsWith("MB read"), reports.getFirst().message());
            cancel.cancel();
            try {
                out.write(chunk);   // the next bytes: the reader must stop on them, not read the rest of the file
                out.flush();
            } catch (IOException readerGone) {
                // the reader closed the pipe first: cancelled already
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> reading.get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof CancelledException, String.valueOf(e.getCause()));
        }
    }
}
