package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.views.collapse.CollapsePage;
import lab.softmax.views.distributions.DistributionsPage;
import lab.softmax.views.ghosts.GhostsPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.Start;

/**
 * A measurement, not a unit test (surefire's default includes skip it): each long computation is started in the
 * real window (headless), cancelled after a random delay the way its Cancel button (or the status bar's) does it,
 * and timed from the cancel to the lab showing idle again. {@code -Dcancel.trials=N} (default 5) per operation:
 * {@code ./mvnw -o verify -pl app -am -Dtest=CancelLatencyCheck -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CancelLatencyCheck extends LabWindowTest {
    private static final int TRIALS = Integer.getInteger("cancel.trials", 5);

    private final SplitMix64 rng = new SplitMix64(17);

    @Start
    void start(Stage stage) {
        show(stage);
    }

    /**
     * Starts, waits until {@code going} holds and then a random 0.2–1.2 s more, cancels, and returns the ms from the
     * cancel until {@code busy} is false (all FX-thread work of the cancel included).
     */
    private double cancelLatency(Runnable start, BooleanSupplier going, Runnable cancel, BooleanSupplier busy) throws Exception {
        while (fx(busy::getAsBoolean)) Thread.sleep(20);
        fx(() -> { start.run(); return null; });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!fx(going::getAsBoolean)) {
            assertTrue(System.nanoTime() < deadline, "did not start");
            Thread.sleep(10);
        }
        Thread.sleep(200 + (long) (1000 * rng.nextDouble()));
        assertTrue(fx(busy::getAsBoolean), "still running when cancelled (else this measures nothing)");
        java.util.Map<Thread, Long> cpuAtCancel = workerCpu();
        long t0 = System.nanoTime();
        fx(() -> { cancel.run(); return null; });
        java.util.Map<String, Integer> sites = new java.util.TreeMap<>();
        while (fx(busy::getAsBoolean)) {
            sampleRunningWorkers(cpuAtCancel.keySet(), sites);
            Thread.sleep(5);
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        java.util.Map<Thread, Long> cpuAtIdle = workerCpu();
        double cpu = 0;
        for (var e : cpuAtCancel.entrySet()) {
            Long after = cpuAtIdle.get(e.getKey());
            if (after != null) cpu = Math.max(cpu, (after - e.getValue()) / 1e6);
        }
        cpuAfterCancel.add(cpu);
        // a slow stop says where the workers were: the code that does not check the cancellation
        if (cpu > SLOW_CPU_MS) System.out.printf(Locale.ROOT, "[cancel] %.0f ms of CPU after Cancel; workers seen running (samples): %s%n", cpu, sites);
        return wall;
    }

    /** CPU ms after Cancel above which a trial prints where its workers were. */
    private static final double SLOW_CPU_MS = 100;

    /** Counts the top frames (in this project's code) of the given workers that are running now. */
    private static void sampleRunningWorkers(java.util.Set<Thread> workers, java.util.Map<String, Integer> sites) {
        for (Thread t : workers) {
            if (t.getState() != Thread.State.RUNNABLE) continue;
            StackTraceElement[] stack = t.getStackTrace();
            StringBuilder site = new StringBuilder();
            int shown = 0;
            for (StackTraceElement f : stack) {
                if (!f.getClassName().startsWith("lab.softmax") || shown == 3) continue;
                if (shown++ > 0) site.append(" < ");
                site.append(f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1)).append('.').append(f.getMethodName())
                        .append(':').append(f.getLineNumber());
            }
            if (stack.length > 0) site.insert(0, stack[0].getMethodName() + " in ");
            sites.merge(site.toString(), 1, Integer::sum);
        }
    }

    /** CPU ms the busiest worker thread spent between the last Cancel and idle, per trial (see {@link #report}). */
    private final List<Double> cpuAfterCancel = new ArrayList<>();

    /** CPU time (ns) of every live worker thread: the app's workers, a training's team, a benchmark's or the fits' pool. */
    private static java.util.Map<Thread, Long> workerCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<Thread, Long> out = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (n.startsWith("lab-worker") || n.startsWith("softmax-lab-worker") || n.startsWith("kernels-bench") || n.startsWith("moe-fit")) {
                long ns = mx.getThreadCpuTime(t.threadId());
                if (ns >= 0) out.put(t, ns);
            }
        }
        return out;
    }

    /**
     * Prints the wall time from Cancel to idle (what the user waits for on this machine now, its load included) and
     * the CPU time the busiest worker thread still spent after Cancel (threads that ended meanwhile, e.g. a team's
     * helpers, are not counted): on a machine with a core free for it, the latency is about that.
     */
    private void report(String operation, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(Double::compare);
        List<Double> cpu = new ArrayList<>(cpuAfterCancel);
        cpu.sort(Double::compare);
        cpuAfterCancel.clear();
        System.out.printf(Locale.ROOT, "[cancel] %s: %d trials, cancel to idle median %.0f ms, max %.0f ms %s; "
                        + "CPU of the busiest worker after Cancel median %.1f ms, max %.1f ms; garbage collection so far %.1f s%n",
                operation, sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast(), sorted, cpu.get(cpu.size() / 2),
                cpu.getLast(), gcSeconds());
    }

    /** Time this JVM has spent collecting garbage (a full heap stops every thread, the cancelled one too). */
    private static double gcSeconds() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum() / 1000.0;
    }

    /** The latest task's cancel, as the status bar's Cancel button does it. */
    private void cancelLatestTask() {
        tasks.latestProperty().get().cancel();
    }

    @Test
    void collapseTrainingWithTwoHiddenLayersOf2000() throws Exception {
        CollapsePage page = (CollapsePage) open("Collapse");
        LongRun run = LongRuns.collapse(page, LongRuns.collapseModel(List.of(2000, 2000), 1_000_000));
        List<Double> starting = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) starting.add(cancelLatency(run.start(), () -> true, run.cancel(), run.busy()));
        report(run.name() + " (Pause while it starts: the model and its buffers are being made)", starting);
        List<Double> training = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            training.add(cancelLatency(run.start(), () -> run.shown().getAsInt() > 0, run.cancel(), run.busy()));
        }
        report(run.name() + " (Pause inside an epoch)", training);
        // What a cancel used to wait for when it landed only between epochs: one epoch (the second, without the first's setup).
        fx(() -> { run.start().run(); return null; });
        while (fx(run.shown()::getAsInt) < 3) Thread.sleep(100);
        double epochSeconds = fx(() -> {
            var metrics = page.model().runs().getLast().metrics();
            return metrics.get(2).elapsedS() - metrics.get(1).elapsedS();
        });
        fx(() -> { run.cancel().run(); return null; });
        while (fx(run.busy()::getAsBoolean)) Thread.sleep(20);
        System.out.printf(Locale.ROOT, "[cancel] %s: one epoch (with its logging) takes %.2f s%n", run.name(), epochSeconds);
    }

    @Test
    void ghostsZeroFinderOnFourThousandTerms() throws Exception {
        GhostsPage page = (GhostsPage) open("Ghosts");
        var model = page.planeModel();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            double[] z = new double[4000];
            double[] a = new double[4000];
            for (int k = 0; k < z.length; k++) {
                z[k] = 2 * rng.nextGaussian();
                a[k] = rng.nextGaussian();
            }
            ms.add(cancelLatency(() -> model.setVectors(z, a, "random"), () -> true, this::cancelLatestTask,
                    () -> model.busyProperty().get()));
        }
        report("Ghosts zeros and plane, K = 4000 (status bar Cancel)", ms);
    }

    @Test
    void distributionsOnFiftyMillionLogits() throws Exception {
        DistributionsPage page = (DistributionsPage) open("Distributions");
        var model = page.model();
        double[] z = new double[50_000_000];
        for (int i = 0; i < z.length; i++) z[i] = 3 * rng.nextGaussian();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            double t = 1 + i * 0.01;   // a new temperature each time: a fresh normalisation
            ms.add(cancelLatency(() -> {
                if (model.logitsProperty().get() != z) model.setLogits(z, "random");
                else model.temperatureProperty().set(t);
            }, () -> true, this::cancelLatestTask, () -> model.busyProperty().get()));
        }
        report("Distributions, 5·10⁷ logits, softmax and StableMax in fp32 (the lab's defaults; status bar Cancel)", ms);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Collapse", "Ghosts", "Kernels", "Attention", "MoE gating"})
    void longRun(String lab) throws Exception {
        LongRun run = LongRuns.of(lab, open(lab));
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            ms.add(cancelLatency(run.start(), () -> run.shown().getAsInt() > 0, run.cancel(), run.busy()));
        }
        report(run.name() + " (its Cancel)", ms);
    }
}
