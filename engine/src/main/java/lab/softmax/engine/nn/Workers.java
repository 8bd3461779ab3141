package lab.softmax.engine.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import lab.softmax.engine.task.Cancellation;

/**
 * A fixed team of threads that run the parts of one loop together: the calling thread takes part 0,
 * helper h takes part h, and the call returns when every part is done. The ranges are contiguous
 * and disjoint, so a loop whose elements do not depend on each other gives the same result however
 * many parts it is cut into. {@link #forChunks} hands out smaller ranges as threads come free instead:
 * on these VMs one vCPU is often slowed for a while (another vCPU busy on its core), and with fixed
 * halves the other thread then waits at every loop's end (measured: 3-8 ms of a 28 ms epoch).
 *
 * <p>Helper threads exist only between {@link #open()} and the matching {@link #close()} (a training
 * call opens and closes its team, so no thread outlives it). Opens nest on the thread that opened the
 * team. While closed, when called from another thread, or from inside a loop of the team, every part
 * runs on the caller, in order (numbered from 0 again: a body that picks per-thread scratch by part
 * number must not start a loop whose body does the same).
 *
 * <p>Why not the ForkJoin common pool: an epoch is about 20 short loops back to back, and waking a
 * parked pool thread costs 80-180 µs per loop on this project's 2-vCPU VMs (measured), 2-3 ms of a
 * 25 ms epoch. Helpers here spin for {@link #SPIN_NANOS} after each loop before they park, so the
 * next loop of the same epoch finds them awake. A team larger than the machine does not spin: its
 * spinning helpers would take cores from the threads that still have work.
 *
 * <p>Cancellation: while a {@link Cancellation} is set ({@link #stopWhen}), every loop checks it before it starts
 * and before each chunk, and long bodies call {@link #checkCancelled()} (the products do, per strip of rows);
 * a cancelled loop throws {@link lab.softmax.engine.task.CancelledException} on the caller once every thread
 * has left it. The caller sets it only around work it can throw away (a training pass), never around a
 * parameter update, so a cancelled loop leaves nothing half-written that matters.
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
    private final long spinNanos;
    private Thread owner;
    private int openCount;
    private Thread[] helpers = new Thread[0];
    /** 1 while helper h is parked (or about to park); index 0 unused. */
    private volatile AtomicIntegerArray parked = new AtomicIntegerArray(0);
    /**
     * The newest loop (or stop signal). A helper reads everything about a loop from the one object it read
     * here, so a helper that is descheduled between noticing a loop and starting it cannot mix one loop's
     * size with the next loop's work, or run a loop twice.
     */
    private volatile Loop current = new Loop(0, null, 0, 0, 0, false);
    private boolean busy;
    private volatile Cancellation cancellation;

    /** One published loop: its body and split, the chunks not yet taken, and the helpers not yet done. */
    private static final class Loop {
        final long generation;
        final Parts body;
        final int size;
        final int parts;
        /** Elements per chunk of a {@link #forChunks} loop; 0 for a loop of fixed parts. */
        final int grain;
        final boolean stop;
        final AtomicInteger nextChunk = new AtomicInteger();
        final AtomicInteger pending;
        Throwable failure;   // guarded by this

        Loop(long generation, Parts body, int size, int parts, int grain, boolean stop) {
            this.generation = generation;
            this.body = body;
            this.size = size;
            this.parts = parts;
            this.grain = grain;
            this.stop = stop;
            this.pending = new AtomicInteger(Math.max(0, parts - 1));
        }

        synchronized void fail(Throwable t) {
            if (failure == null) failure = t;
            else failure.addSuppressed(t);
        }

        synchronized Throwable failure() { return failure; }
    }

    private Workers(int threads) {
        this.threads = Math.max(1, threads);
        this.spinNanos = this.threads <= Runtime.getRuntime().availableProcessors() ? SPIN_NANOS : 0;
    }

    /** A team of this many threads (the caller included); 1 runs everything on the caller. */
    public static Workers of(int threads) {
        return new Workers(threads);
    }

    /** Threads that take part in a loop once open, the caller included. */
    public int threads() { return threads; }

    /**
     * Starts the helper threads, or, on the thread that already opened the team, nests one more open.
     * Returns this.
     *
     * @throws IllegalStateException if another thread has the team open
     */
    public synchronized Workers open() {
        Thread me = Thread.currentThread();
        if (openCount > 0) {
            if (owner != me) throw new IllegalStateException("the team is open on thread " + owner.getName());
            openCount++;
            return this;
        }
        owner = me;
        openCount = 1;
        if (threads == 1) return this;
        long start = current.generation;
        parked = new AtomicIntegerArray(threads);
        Thread[] team = new Thread[threads - 1];
        for (int h = 1; h < threads; h++) {
            int part = h;
            team[h - 1] = Thread.ofPlatform().daemon().name("softmax-lab-worker-" + h).unstarted(() -> helperLoop(part, start));
        }
        int started = 0;
        try {
            for (Thread t : team) {
                t.start();
                started++;
            }
        } catch (RuntimeException | Error e) {
            // e.g. no native thread left: stop the ones that did start and stay closed
            helpers = java.util.Arrays.copyOf(team, started);
            stopHelpers();
            openCount = 0;
            owner = null;
            throw e;
        }
        helpers = team;
        return this;
    }

    /**
     * Ends one {@link #open()}; the last one stops and joins the helper threads, and loops run on the
     * caller until the team is opened again. Does nothing on a closed team.
     *
     * @throws IllegalStateException if another thread has the team open
     */
    @Override
    public synchronized void close() {
        if (openCount == 0) return;
        if (owner != Thread.currentThread()) throw new IllegalStateException("the team is open on thread " + owner.getName());
        if (--openCount > 0) return;
        stopHelpers();
        owner = null;
    }

    private void stopHelpers() {
        Thread[] team = helpers;
        helpers = new Thread[0];
        if (team.length == 0) return;
        current = new Loop(current.generation + 1, null, 0, 0, 0, true);
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

    /**
     * From now on loops stop early and throw {@link lab.softmax.engine.task.CancelledException} once
     * {@code c} is cancelled; null (the default) lets every loop run to its end.
     */
    public void stopWhen(Cancellation c) { cancellation = c; }

    /** Throws {@link lab.softmax.engine.task.CancelledException} if the cancellation set by {@link #stopWhen} is cancelled. */
    public void checkCancelled() {
        Cancellation c = cancellation;
        if (c != null) c.throwIfCancelled();
    }

    /** Runs body over [0, n) cut into at most {@link #threads()} contiguous ranges, and returns when all are done. */
    public void forRange(int n, Range body) {
        forParts(n, (part, from, to) -> body.run(from, to));
    }

    /** As {@link #forRange}, telling the body which part (0 .. threads-1) it runs. */
    public void forParts(int n, Parts body) {
        checkCancelled();
        int count = Math.max(1, Math.min(threads, n));
        if (!parallel(count)) {
            for (int p = 0; p < count; p++) body.run(p, from(n, p, count), from(n, p + 1, count));
            return;
        }
        runLoop(body, n, count, 0);
    }

    /**
     * Runs body over [0, n) in chunks of grain elements (the last may be shorter), which the threads take
     * one at a time as they finish the previous one, so a thread that the machine slows down (a vCPU
     * sharing its core) takes fewer; returns when all are done. part is the running thread's index
     * (0 .. threads-1, for per-thread scratch); a thread may run several chunks. The split depends on
     * timing, so the body's result for a chunk must not depend on which thread runs it.
     */
    public void forChunks(int n, int grain, Parts body) {
        if (grain < 1) throw new IllegalArgumentException("grain: " + grain + " is not positive");
        checkCancelled();
        int chunks = (int) ((n + (long) grain - 1) / grain);
        int count = Math.max(1, Math.min(threads, chunks));
        if (!parallel(count)) {
            for (int c = 0; c < chunks; c++) {
                checkCancelled();
                body.run(0, c * grain, (int) Math.min(n, (long) (c + 1) * grain));
            }
            return;
        }
        runLoop(body, n, count, grain);
    }

    /** Whether a loop of count parts runs on the team (else on the caller, in order). */
    private boolean parallel(int count) {
        return count > 1 && helpers.length > 0 && Thread.currentThread() == owner && !busy;
    }

    /** Publishes a loop to the helpers, runs part 0 on the caller and waits for the others. */
    private void runLoop(Parts body, int n, int count, int grain) {
        Thread[] team = helpers;
        Loop loop = new Loop(current.generation + 1, body, n, count, grain, false);
        busy = true;
        current = loop;   // publishes the loop to the helpers
        AtomicIntegerArray sleeping = parked;
        for (int h = 1; h < count; h++) {
            if (sleeping.get(h) != 0) LockSupport.unpark(team[h - 1]);
        }
        Throwable mine = null;
        try {
            runPart(loop, 0);
        } catch (RuntimeException | Error e) {
            mine = e;
        } finally {
            awaitHelpers(loop);
            busy = false;
        }
        Throwable theirs = loop.failure();
        if (mine != null) {
            if (theirs != null) mine.addSuppressed(theirs);
            throwUnchecked(mine);
        }
        if (theirs != null) throwUnchecked(theirs);
    }

    /** A loop's share of this part: its fixed range, or chunks until none is left (or the work is cancelled). */
    private void runPart(Loop loop, int part) {
        if (loop.grain == 0) {
            loop.body.run(part, from(loop.size, part, loop.parts), from(loop.size, part + 1, loop.parts));
            return;
        }
        int chunks = (int) ((loop.size + (long) loop.grain - 1) / loop.grain);
        for (int c = loop.nextChunk.getAndIncrement(); c < chunks; c = loop.nextChunk.getAndIncrement()) {
            checkCancelled();
            loop.body.run(part, c * loop.grain, (int) Math.min(loop.size, (long) (c + 1) * loop.grain));
        }
    }

    private static void throwUnchecked(Throwable t) {
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    private static int from(int n, int part, int parts) {
        return (int) ((long) n * part / parts);
    }

    private void awaitHelpers(Loop loop) {
        long spinUntil = System.nanoTime() + spinNanos;
        while (loop.pending.get() > 0) {
            if (System.nanoTime() < spinUntil) Thread.onSpinWait();
            else LockSupport.parkNanos(20_000);
        }
    }

    private void helperLoop(int part, long startGeneration) {
        long seen = startGeneration;
        while (true) {
            Loop loop = awaitLoop(part, seen);
            seen = loop.generation;
            if (loop.stop) return;
            if (part >= loop.parts) continue;   // a loop with fewer parts than threads: not counted on
            try {
                runPart(loop, part);
            } catch (Throwable t) {
                loop.fail(t);
            } finally {
                loop.pending.decrementAndGet();
            }
        }
    }

    /** Spins, then parks, until a loop newer than generation seen is published; returns it. */
    private Loop awaitLoop(int part, long seen) {
        long spinUntil = System.nanoTime() + spinNanos;
        AtomicIntegerArray flags = parked;
        Loop loop;
        while ((loop = current).generation == seen) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            flags.set(part, 1);
            // the owner reads the flag after publishing a loop: re-check before sleeping
            if (current.generation == seen) LockSupport.park(this);
            flags.set(part, 0);
            spinUntil = System.nanoTime() + spinNanos;
        }
        return loop;
    }
}
