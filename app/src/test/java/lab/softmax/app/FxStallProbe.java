package lab.softmax.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps a user waiting: a daemon thread posts a ping with
 * {@link Platform#runLater} every {@link #PERIOD_MILLIS} ms and the FX thread records how long each
 * waited in its queue (what a click or a key press waits while the thread is busy); an
 * {@link AnimationTimer} records the gaps between pulses (frames) beside it. While a ping has waited more
 * than {@link #SAMPLE_AFTER_MILLIS} ms the pinging thread samples the FX thread's stack, so a stall names
 * its cause ({@link #stallSites()}). The pinging thread also notes how late it woke up itself: a thread that only
 * sleeps is late when the machine, not the app, kept it from a core. Start and stop from any thread but the FX thread.
 */
final class FxStallProbe {
    static final int PERIOD_MILLIS = 5;
    static final int SAMPLE_AFTER_MILLIS = 30;
    private static final int CAPACITY = 1 << 20;
    private final java.util.Map<String, Integer> sites = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong oldestPending = new java.util.concurrent.atomic.AtomicLong();
    private volatile Thread fxThread;
    private volatile double probeLateMax;   // written by the pinging thread only
    private volatile int probeLateCount;    // written by the pinging thread only
    private volatile long startNanos;
    private volatile long startCpuNanos;
    private long startRenderCpuNanos;
    private final double[] waits = new double[CAPACITY];
    private final double[] gaps = new double[CAPACITY];
    private final AtomicInteger posted = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private int waitCount;   // FX thread only
    private int gapCount;    // FX thread only
    private long lastPulse;  // FX thread only
    private Thread pinger;
    private AnimationTimer pulses;
    /** Between two pulses: the gap, the CPU the render and FX threads spent and the garbage collectors' time in it. */
    record Gap(double ms, double renderCpuMs, double fxCpuMs, long gcMs, double endUptimeSeconds) { }
    private static final int LONGEST_KEPT = 5;
    private final java.util.PriorityQueue<Gap> longest = new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(Gap::ms));
    private volatile java.util.List<Thread> renderThreads = java.util.List.of();
    private long lastRender;   // FX thread only
    private long lastFx;       // FX thread only
    private long lastGc;       // FX thread only
    private double heaviestFxMs;       // FX thread only
    private double heaviestRenderMs;   // FX thread only
    private double heaviestUptime;     // FX thread only

    /**
     * Waits (ms) of the pings and gaps (ms) between pulses: their count, 99th percentile and maximum; and the heaviest
     * frame: the most CPU the FX and render threads spent between two pulses (the window's own cost of a frame,
     * whatever the machine's load; it runs on two threads, so a frame takes at least the larger part).
     */
    record Stats(int pings, int answered, double p99Wait, double maxWait, int pulses, double p99Gap, double maxGap,
                 double fxCpuShare, double renderCpuShare, double heaviestFrameFxMs, double heaviestFrameRenderMs,
                 double heaviestFrameUptimeSeconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "event wait max %.1f ms, p99 %.1f ms (%d of %d pings answered); "
                    + "pulse gap max %.1f ms, p99 %.1f ms (%d pulses); on CPU: FX thread %.1f %%, render thread %.1f %% of the time; "
                    + "heaviest frame: FX %.0f + render %.0f ms of CPU (@ JVM uptime %.2f s)",
                    maxWait, p99Wait, answered, pings, maxGap, p99Gap, pulses, 100 * fxCpuShare, 100 * renderCpuShare,
                    heaviestFrameFxMs, heaviestFrameRenderMs, heaviestFrameUptimeSeconds);
        }
    }

    void start() {
        pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long render = renderCpuNanos(renderThreads);
                long fx = cpuNanos();
                long gc = gcMillis();
                if (lastPulse != 0 && gapCount < CAPACITY) {
                    double gap = (now - lastPulse) / 1e6;
                    gaps[gapCount++] = gap;
                    double renderMs = (render - lastRender) / 1e6;
                    double fxMs = (fx - lastFx) / 1e6;
                    double uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
                    longest.add(new Gap(gap, renderMs, fxMs, gc - lastGc, uptime));
                    if (fxMs + renderMs > heaviestFxMs + heaviestRenderMs) {
                        heaviestFxMs = fxMs;
                        heaviestRenderMs = renderMs;
                        heaviestUptime = uptime;
                    }
                    if (longest.size() > LONGEST_KEPT) longest.poll();
                }
                lastPulse = now;
                lastRender = render;
                lastFx = fx;
                lastGc = gc;
            }
        };
        renderThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer")).toList();
        startRenderCpuNanos = renderCpuNanos();
        startNanos = System.nanoTime();
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            startCpuNanos = cpuNanos();
            pulses.start();
        });
        pinger = Thread.ofPlatform().daemon().name("fx-stall-probe").start(() -> {
            while (!stopping.get() && posted.get() < CAPACITY) {
                long sent = System.nanoTime();
                posted.incrementAndGet();
                oldestPending.compareAndSet(0, sent);
                Platform.runLater(() -> {
                    if (waitCount < CAPACITY) waits[waitCount++] = (System.nanoTime() - sent) / 1e6;
                    oldestPending.set(0);
                });
                sampleIfStalled();
                long asleep = System.nanoTime();
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                // a stall of the whole process or VM (a safepoint, the hypervisor) delays this thread too
                double late = (System.nanoTime() - asleep) / 1e6 - PERIOD_MILLIS;
                if (late > probeLateMax) probeLateMax = late;
                if (late > SAMPLE_AFTER_MILLIS) probeLateCount++;
            }
        });
    }

    private void sampleIfStalled() {
        long oldest = oldestPending.get();
        Thread fx = fxThread;
        if (fx == null || oldest == 0 || System.nanoTime() - oldest < SAMPLE_AFTER_MILLIS * 1_000_000L) return;
        StackTraceElement[] stack = fx.getStackTrace();
        StringBuilder site = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (!(c.startsWith("lab.softmax") || c.startsWith("org.jfree"))) continue;
            if (shown > 0) site.append(" < ");
            site.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName()).append(':').append(e.getLineNumber());
            if (++shown == 4) break;
        }
        // elsewhere (JavaFX itself, e.g. waiting for the render thread): the top frame and the first three outside java.base
        for (int i = 0; shown == 0 && i < stack.length; i++) {
            if (i > 0 && "java.base".equals(stack[i].getModuleName())) continue;
            site.append(i > 0 ? " < " : "").append(stack[i]);
            if (site.chars().filter(ch -> ch == '<').count() == 3) break;
        }
        sites.merge(site.toString(), 1, Integer::sum);
        if (site.indexOf("waitForRenderingToComplete") >= 0) sampleRenderThread();
    }

    /** Where the render thread was while the FX thread waited for it: rendering, or itself waiting. */
    private void sampleRenderThread() {
        for (Thread render : renderThreads) {
            StackTraceElement[] stack = render.getStackTrace();
            StringBuilder site = new StringBuilder("render thread: ").append(render.getState());
            for (int i = 0; i < Math.min(4, stack.length); i++) site.append(i == 0 ? " at " : " < ").append(stack[i]);
            sites.merge(site.toString(), 1, Integer::sum);
        }
    }

    /**
     * The longest gaps between pulses, longest first, each with what happened in it: the render thread's and the FX
     * thread's CPU time and the garbage collectors' time (a gap with little CPU and no collection waited for a core).
     * Read after {@link #stop}.
     */
    String longestGaps() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "probe thread woke up to %.0f ms late (%d times over %d ms); longest pulse gaps (ms: gap = render CPU / FX CPU / GC, @ JVM uptime at its end, s):",
                probeLateMax, probeLateCount, SAMPLE_AFTER_MILLIS));
        longest.stream().sorted(java.util.Comparator.comparingDouble(Gap::ms).reversed()).forEach(g -> out.append(String.format(Locale.ROOT,
                " %.0f = %.0f / %.0f / %d @ %.2f;", g.ms(), g.renderCpuMs(), g.fxCpuMs(), g.gcMs(), g.endUptimeSeconds())));
        return out.toString();
    }

    private static long gcMillis() {
        long sum = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    /**
     * The {@link #longestGaps}, then where the FX thread was when pings waited longer than {@link #SAMPLE_AFTER_MILLIS} ms:
     * the most frequent sites and their sample counts.
     */
    String stallSites() {
        StringBuilder out = new StringBuilder("; ").append(longestGaps());
        sites.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%n    %4d × %s", e.getValue(), e.getKey())));
        return out.toString();
    }

    /** Stops the pings, waits (up to a minute) until the FX thread has answered every one, and returns the figures. */
    Stats stop() throws InterruptedException {
        stopping.set(true);
        pinger.join();
        long renderCpu = renderCpuNanos() - startRenderCpuNanos;
        int[] answered = new int[1];
        Stats[] out = new Stats[1];
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
            Platform.runLater(() -> {
                answered[0] = waitCount;
                if (waitCount == posted.get()) {
                    pulses.stop();
                    double elapsed = System.nanoTime() - startNanos;
                    out[0] = new Stats(posted.get(), waitCount, percentile(waits, waitCount, 0.99), percentile(waits, waitCount, 1),
                            gapCount, percentile(gaps, gapCount, 0.99), percentile(gaps, gapCount, 1),
                            (cpuNanos() - startCpuNanos) / elapsed, renderCpu / elapsed, heaviestFxMs, heaviestRenderMs, heaviestUptime);
                }
                read.countDown();
            });
            read.await();
            if (out[0] != null) return out[0];
            Thread.sleep(20);
        }
        return new Stats(posted.get(), answered[0], Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** CPU time of the calling thread (the FX thread): what its work costs, whatever the machine's load. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * CPU time of JavaFX's render thread, which rasterises what the FX thread drew (in software here, as on a
     * machine without a GPU driver): the FX thread waits for it at the next pulse, so its cost is part of a stall.
     */
    private static long renderCpuNanos() {
        return renderCpuNanos(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer")).toList());
    }

    private static long renderCpuNanos(java.util.List<Thread> renderThreads) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : renderThreads) sum += Math.max(0, mx.getThreadCpuTime(t.threadId()));
        return sum;
    }

    /** The q-quantile (nearest rank) of the first n values; NaN when there are none. */
    static double percentile(double[] values, int n, double q) {
        if (n == 0) return Double.NaN;
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }
}
