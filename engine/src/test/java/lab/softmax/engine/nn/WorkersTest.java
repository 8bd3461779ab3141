package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void everyIndexRunsExactlyOnceForAnySizeAndTeam() {
        for (int threads = 1; threads <= 4; threads++) {
            try (Workers team = Workers.of(threads).open()) {
                for (int n : new int[] {0, 1, 2, 3, 5, 17, 1000}) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                    for (int repeat = 0; repeat < 50; repeat++) {
                        team.forRange(n, (from, to) -> {
                            for (int i = from; i < to; i++) hits.incrementAndGet(i);
                        });
                    }
                    for (int i = 0; i < n; i++) assertEquals(50, hits.get(i), "n=" + n + " threads=" + threads + " index " + i);
                }
            }
        }
    }

    @Test
    void partsRunOnDifferentThreadsWhileOpenAndOnTheCallerOtherwise() {
        Workers team = Workers.of(2);
        ConcurrentHashMap<Integer, Thread> ranBy = new ConcurrentHashMap<>();
        team.forParts(10, (part, from, to) -> ranBy.put(part, Thread.currentThread()));
        assertSame(Thread.currentThread(), ranBy.get(0));
        assertSame(Thread.currentThread(), ranBy.get(1), "closed: every part on the caller");
        try (Workers open = team.open()) {
            open.forParts(10, (part, from, to) -> ranBy.put(part, Thread.currentThread()));
            assertSame(Thread.currentThread(), ranBy.get(0));
            assertNotEquals(Thread.currentThread(), ranBy.get(1), "open: part 1 on a helper");
        }
        team.forParts(10, (part, from, to) -> ranBy.put(part, Thread.currentThread()));
        assertSame(Thread.currentThread(), ranBy.get(1), "closed again");
    }

    @Test
    void anotherThreadThanTheOpenerRunsEverythingItself() throws InterruptedException {
        try (Workers team = Workers.of(2).open()) {
            AtomicReference<Thread> part1 = new AtomicReference<>();
            Thread other = new Thread(() -> team.forParts(4, (part, from, to) -> {
                if (part == 1) part1.set(Thread.currentThread());
            }));
            other.start();
            other.join();
            assertSame(other, part1.get());
        }
    }

    @Test
    void aFailingHelperPartIsRethrownAndTheTeamStillWorks() {
        try (Workers team = Workers.of(2).open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.forParts(4, (part, from, to) -> {
                if (part == 1) throw new IllegalStateException("part 1 failed");
            }));
            assertEquals("part 1 failed", e.getMessage());
            AtomicIntegerArray hits = new AtomicIntegerArray(4);
            team.forRange(4, (from, to) -> {
                for (int i = from; i < to; i++) hits.incrementAndGet(i);
            });
            for (int i = 0; i < 4; i++) assertEquals(1, hits.get(i));
        }
    }

    @Test
    void closingEndsTheHelperThreads() {
        Workers team = Workers.of(3).open();
        team.forRange(3, (from, to) -> { });
        team.close();
        boolean alive = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("softmax-lab-worker-") && t.isAlive());
        assertFalse(alive, "a helper thread outlived close()");
    }

    /** Waits until the team's helper threads sit in LockSupport.park(team): a condition, not a time. */
    private static void awaitParked(Workers team, int helpers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Thread.getAllStackTraces().keySet().stream()
                .filter(t -> LockSupport.getBlocker(t) == team && t.getState() == Thread.State.WAITING).count() < helpers) {
            assertTrue(System.nanoTime() < deadline, "the helpers never parked");
            Thread.sleep(1);
        }
    }

    @Test
    void helpersThatHaveParkedBetweenLoopsStillTakeTheirParts() throws InterruptedException {
        try (Workers team = Workers.of(2).open()) {
            for (int round = 0; round < 5; round++) {
                awaitParked(team, 1);
                AtomicIntegerArray hits = new AtomicIntegerArray(100);
                ConcurrentHashMap<Integer, Thread> ranBy = new ConcurrentHashMap<>();
                team.forParts(100, (part, from, to) -> {
                    ranBy.put(part, Thread.currentThread());
                    for (int i = from; i < to; i++) hits.incrementAndGet(i);
                });
                for (int i = 0; i < 100; i++) assertEquals(1, hits.get(i));
                assertNotEquals(Thread.currentThread(), ranBy.get(1));
            }
        }
    }

    @Test
    void whenTheCallersPartAndAHelpersPartBothFailBothAreReported() {
        try (Workers team = Workers.of(2).open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.forParts(2, (part, from, to) -> {
                if (part == 0) throw new IllegalArgumentException("part 0");
                throw new IllegalStateException("part 1");
            }));
            assertEquals(1, e.getSuppressed().length);
            assertEquals("part 1", e.getSuppressed()[0].getMessage());
        }
    }

    @Test
    void aLoopInsideALoopRunsOnItsCaller() {
        try (Workers team = Workers.of(2).open()) {
            AtomicIntegerArray hits = new AtomicIntegerArray(40);
            team.forParts(4, (outer, from, to) -> {
                for (int i = from; i < to; i++) {
                    int row = i;
                    team.forRange(10, (a, b) -> {
                        for (int j = a; j < b; j++) hits.incrementAndGet(row * 10 + j);
                    });
                }
            });
            for (int i = 0; i < 40; i++) assertEquals(1, hits.get(i), "index " + i);
        }
    }

    @Test
    void opensNestOnTheOpeningThreadAndAnotherThreadCannotOpenOrClose() throws InterruptedException {
        Workers team = Workers.of(2).open();
        team.open();
        team.close();   // inner close: the helpers keep running
        ConcurrentHashMap<Integer, Thread> ranBy = new ConcurrentHashMap<>();
        team.forParts(2, (part, from, to) -> ranBy.put(part, Thread.currentThread()));
        assertNotEquals(Thread.currentThread(), ranBy.get(1));
        AtomicReference<Throwable> fromOther = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                team.open();
            } catch (IllegalStateException e) {
                fromOther.set(e);
            }
        });
        other.start();
        other.join();
        assertEquals(IllegalStateException.class, fromOther.get().getClass());
        team.close();
        team.forParts(2, (part, from, to) -> ranBy.put(part, Thread.currentThread()));
        assertSame(Thread.currentThread(), ranBy.get(1), "closed after the outer close");
        team.open();   // and it opens again
        team.forParts(2, (part, from, to) -> ranBy.put(part, Thread.currentThread()));
        assertNotEquals(Thread.currentThread(), ranBy.get(1));
        team.close();
    }

    @Test
    void chunksCoverEveryIndexOnceWithPartsOfTheTeam() {
        for (int threads = 1; threads <= 3; threads++) {
            try (Workers team = Workers.of(threads).open()) {
                for (int n : new int[] {0, 1, 7, 64, 1001}) {
                    for (int grain : new int[] {1, 3, 4, 64, 5000}) {   // n = 7, grain 4: fewer chunks than threads
                        AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                        int teamSize = threads;
                        team.forChunks(n, grain, (part, from, to) -> {
                            if (part < 0 || part >= teamSize) throw new AssertionError("part " + part);
                            if (to - from > grain || from % grain != 0) throw new AssertionError(from + ".." + to);
                            for (int i = from; i < to; i++) hits.incrementAndGet(i);
                        });
                        for (int i = 0; i < n; i++) {
                            assertEquals(1, hits.get(i), "n=" + n + " grain=" + grain + " threads=" + threads + " index " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aThreadHeldUpInOneChunkLeavesTheOthersToTheRestOfTheTeam() throws InterruptedException {
        // With fixed halves the thread holding chunk 0 would also own chunks 1-4, and the latch would never open.
        int chunks = 10;
        CountDownLatch othersDone = new CountDownLatch(chunks - 1);
        AtomicReference<Boolean> sawOthersDone = new AtomicReference<>(false);
        try (Workers team = Workers.of(2).open()) {
            team.forChunks(chunks, 1, (part, from, to) -> {
                if (from == 0) {
                    try {
                        sawOthersDone.set(othersDone.await(20, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    othersDone.countDown();
                }
            });
        }
        assertTrue(sawOthersDone.get(), "the other thread took every remaining chunk");
    }

    @Test
    void chunksRunInOrderOnTheCallerWhenTheTeamIsClosed() {
        Workers team = Workers.of(3);
        StringBuilder order = new StringBuilder();
        Thread caller = Thread.currentThread();
        team.forChunks(10, 3, (part, from, to) -> {
            assertEquals(0, part);
            assertSame(caller, Thread.currentThread());
            order.append(from).append('-').append(to).append(' ');
        });
        assertEquals("0-3 3-6 6-9 9-10 ", order.toString());
    }

    @Test
    void aFailingChunkReachesTheCallerAndANonPositiveGrainIsRefused() {
        try (Workers team = Workers.of(2).open()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.forChunks(100, 10, (part, from, to) -> {
                if (from == 50) throw new IllegalStateException("chunk 50");
            }));
            assertEquals("chunk 50", e.getMessage());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> team.forChunks(10, 0, (part, from, to) -> { }));
            assertTrue(bad.getMessage().contains("grain"), bad.getMessage());
            // the team still works afterwards
            AtomicIntegerArray hits = new AtomicIntegerArray(10);
            team.forChunks(10, 1, (part, from, to) -> hits.incrementAndGet(from));
            for (int i = 0; i < 10; i++) assertEquals(1, hits.get(i));
        }
    }

    @Test
    void loopsSmallerThanTheTeamBetweenFullOnesRunEachPartOnce() {
        // A helper left out of a small loop must not take part in the next loop twice (or late): with three
        // threads on two cores, helpers are often descheduled between seeing a loop and reading its size.
        int[] sizes = {2, 3, 1, 3, 2, 2, 3};
        try (Workers team = Workers.of(3).open()) {
            for (int round = 0; round < 3000; round++) {
                int n = sizes[round % sizes.length];
                AtomicIntegerArray hits = new AtomicIntegerArray(n);
                if (round % 2 == 0) {
                    team.forParts(n, (part, from, to) -> {
                        for (int i = from; i < to; i++) hits.incrementAndGet(i);
                    });
                } else {
                    team.forChunks(n, 1, (part, from, to) -> hits.incrementAndGet(from));
                }
                for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "round " + round + ", n = " + n + ", index " + i);
            }
        }
    }
}
