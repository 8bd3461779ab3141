package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import org.junit.jupiter.api.Test;

/** A team's loops stop at the next chunk once the cancellation set on it is cancelled, and the team keeps working. */
class WorkersCancellationTest {
    @Test
    void aCancelledChunkedLoopStopsTakingChunksAndTheTeamStillWorks() {
        for (int threads = 1; threads <= 3; threads++) {
            try (Workers team = Workers.of(threads).open()) {
                Cancellation cancel = new Cancellation();
                team.stopWhen(cancel);
                AtomicInteger ran = new AtomicInteger();
                assertThrows(CancelledException.class, () -> team.forChunks(10_000, 1, (part, from, to) -> {
                    if (ran.incrementAndGet() == 10) cancel.cancel();
                }));
                // the chunk that cancelled, plus at most one chunk already taken by each other thread
                assertTrue(ran.get() <= 10 + threads - 1, threads + " threads ran " + ran.get() + " chunks");
                team.stopWhen(null);
                AtomicInteger all = new AtomicInteger();
                team.forChunks(1000, 7, (part, from, to) -> all.addAndGet(to - from));
                assertEquals(1000, all.get(), "without a cancellation the same team runs every chunk");
            }
        }
    }

    @Test
    void aCancellationThatIsNotSetOnTheTeamStopsNothing() {
        try (Workers team = Workers.of(2).open()) {
            Cancellation cancelled = new Cancellation();
            cancelled.cancel();
            AtomicInteger all = new AtomicInteger();
            team.forChunks(100, 1, (part, from, to) -> all.incrementAndGet());
            team.forRange(100, (from, to) -> all.addAndGet(to - from));
            assertEquals(200, all.get());
        }
    }

    @Test
    void aProductStopsWithinItsStripsAndAFreshOneGivesTheSameNumbers() {
        // 40 x 300 times 300 x 320: wider than a packed block, so each thread takes a fixed half of the rows; only the
        // per-strip check can stop it before that half is done.
        int m = 40, k = 300, n = 320;
        SplitMix64 rng = new SplitMix64(7);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) rng.nextGaussian();
        float[] expected = new float[m * n];
        Matmul.multiply(a, 0, k, 1, b, 0, n, expected, n, m, n, k, Workers.of(1));
        for (int threads = 1; threads <= 2; threads++) {
            try (Workers team = Workers.of(threads).open()) {
                for (long check = 1; check <= 6; check++) {
                    team.stopWhen(Cancellation.afterChecks(check));
                    float[] c = new float[m * n];
                    assertThrows(CancelledException.class, () -> Matmul.multiply(a, 0, k, 1, b, 0, n, c, n, m, n, k, team));
                }
                team.stopWhen(new Cancellation());
                float[] c = new float[m * n];
                Matmul.multiply(a, 0, k, 1, b, 0, n, c, n, m, n, k, team);
                assertArrayEquals(expected, c);
            }
        }
    }
}
