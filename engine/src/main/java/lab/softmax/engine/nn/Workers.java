package lab.softmax.engine.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that run the parts of one loop together: the calling thread takes part 0,
 * helper h takes part h, and the call returns when every part is done. The ranges are contiguous
 * and disjoint, so a loop whose elements do not depend on each other gives the same result however
 * many parts it is cut into.
 *
 * <p>Helper threads exist only between {@link #open()} and {@link #close()} (a training call opens
 * and closes its team, so no thread outlives it). While closed, or when called from a thread other
 * than the one that opened it, every part runs on the caller, in order.
 *
 * <p>Why not the ForkJoin common pool: an epoch is about 18 short loops back to back, and waking a
 * parked pool thread costs 80-180 µs per loop on this project's 2-vCPU VMs (measured), 2-3 ms of a
 * 25 ms epoch. Helpers here spin for {@link #SPIN_NANOS} after each loop before they park, so the
 * next loop of the same epoch finds them awake.
 */
public final class Workers implements AutoCloseable {
    /** The body of a loop over [from, to). */
    public interface Range {
        void run(int from, int to);
    }

    /** The body of a loop over [from, to) that also wants its part number (e.g. for per-thread scratch). */
    public interface Parts {
        void run(int part, int from, int to);
    }

    private static final long SPIN_NANOS = 200_000;
    private final int threads;
    private Thread owner;
    private Thread[] helpers = new Thread[0];
    /** 1 while helper h is parked (or about to park); index 0 unused. */
    private volatile AtomicIntegerArray parked = new AtomicIntegerArray(0);
    // the current loop; written by the owner before it publishes a new generation
    private Parts body;
    private int size;
    private int parts;
    private volatile long generation;
    private volatile boolean stopping;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Throwable failure;

    private Workers(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** A team of this many threads (the caller included); 1 runs everything on the caller. */
    public static Workers of(int threads) {
        return new Workers(threads);
    }

    /** Threads that take part in a loop once open, the caller included. */
    public int threads() { return threads; }

    /** Starts the helper threads (if not yet running); the calling thread becomes the one that dispatches. Returns this. */
    public synchronized Workers open() {
        if (helpers.length > 0 || threads == 1) {
            if (owner == null) owner = Thread.currentThread();
            return this;
        }
        owner = Thread.currentThread();
        stopping = false;
        failure = null;
        long start = generation;
        parked = new AtomicIntegerArray(threads);
        Thread[] team = new Thread[threads - 1];
        for (int h = 1; h < threads; h++) {
            int part = h;
            team[h - 1] = Thread.ofPlatform().daemon().name("softmax-lab-worker-" + h).unstarted(() -> helperLoop(part, start));
        }
        helpers = team;
        for (Thread t : team) t.start();
        return this;
    }

    /** Stops and joins the helper threads; loops run on the caller until the next {@link #open()}. */
    @Override
    public synchronized void close() {
        Thread[] team = helpers;
        if (team.length > 0) {
            stopping = true;
            generation++;
            for (Thread t : team) LockSupport.unpark(t);
            boolean interrupted = false;
            for (Thread t : team) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        helpers = new Thread[0];
        owner = null;
    }

    /** Runs body over [0, n) cut into at most {@link #threads()} contiguous ranges, and returns when all are done. */
    public void forRange(int n, Range body) {
        forParts(n, (part, from, to) -> body.run(from, to));
    }

    /** As {@link #forRange}, telling the body which part (0 .. threads-1) it runs. */
    public void forParts(int n, Parts body) {
        int count = Math.max(1, Math.min(threads, n));
        Thread[] team = helpers;
        if (count == 1 || team.length == 0 || Thread.currentThread() != owner) {
            for (int p = 0; p < count; p++) body.run(p, from(n, p, count), from(n, p + 1, count));
            return;
        }
        this.body = body;
        this.size = n;
        this.parts = count;
        failure = null;
        pending.set(team.length);
        generation++;   // publishes body, size and parts to the helpers
        AtomicIntegerArray sleeping = parked;
        for (int h = 0; h < team.length; h++) {
            if (sleeping.get(h + 1) != 0) LockSupport.unpark(team[h]);
        }
        try {
            body.run(0, 0, from(n, 1, count));
        } finally {
            awaitHelpers();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private static int from(int n, int part, int parts) {
        return (int) ((long) n * part / parts);
    }

    private void awaitHelpers() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (System.nanoTime() < spinUntil) Thread.onSpinWait();
            else LockSupport.parkNanos(20_000);
        }
    }

    private void helperLoop(int part, long startGeneration) {
        long seen = startGeneration;
        while (true) {
            seen = awaitGeneration(part, seen);
            if (stopping) return;
            try {
                if (part < parts) body.run(part, from(size, part, parts), from(size, part + 1, parts));
            } catch (Throwable t) {
                if (failure == null) failure = t;
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    /** Spins, then parks, until the generation moves past seen; returns the new generation. */
    private long awaitGeneration(int part, long seen) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        AtomicIntegerArray flags = parked;
        while (generation == seen) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            flags.set(part, 1);
            // the owner reads the flag after publishing a generation: re-check before sleeping
            if (generation == seen) LockSupport.park(this);
            flags.set(part, 0);
            spinUntil = System.nanoTime() + SPIN_NANOS;
        }
        return generation;
    }
}
