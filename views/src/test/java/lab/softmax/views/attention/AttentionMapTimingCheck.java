package lab.softmax.views.attention;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A measurement, not a unit test (surefire's default includes skip it; run it with
 * {@code -Dtest=AttentionMapTimingCheck}): the Map tab at n = 1024 in a headless window while the
 * temperature slider is dragged (one step per 16 ms for 4 s). Prints the engine time of each
 * recomputation (off the FX thread), the longest gaps between two FX pulses, how many of the gaps over
 * 50 ms overlapped a stop-the-world GC pause, and where the FX thread was during the gaps (its stack
 * and the render thread's stacks, sampled every 2 ms once a pulse is 30 ms late).
 */
@ExtendWith(ApplicationExtension.class)
class AttentionMapTimingCheck {
    private static final long LATE_NANOS = 30_000_000;
    private AttentionPage page;

    @Start
    void start(Stage stage) {
        page = new AttentionPage(BackgroundTasks.forFxApplication());
        stage.setScene(new Scene(page.view(), 1280, 800));
        stage.show();
    }

    private void waitIdle() throws Exception {
        Thread.sleep(100);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> page.busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Stop-the-world GC pauses as [start, end] in ms of JVM uptime. */
    private static List<double[]> watchGcPauses() {
        List<double[]> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Concurrent")) continue;   // G1's concurrent cycle runs beside the application
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                pauses.add(new double[] {info.getStartTime(), info.getEndTime()});
            }, null, null);
        }
        return pauses;
    }

    @Test
    void dragTheTemperatureAtN1024() throws Exception {
        List<double[]> gcPauses = watchGcPauses();
        Thread fx = WaitForAsyncUtils.asyncFx(Thread::currentThread).get();
        for (Precision p : new Precision[] {Precision.FP32, Precision.FP64, Precision.FP16}) {
            WaitForAsyncUtils.asyncFx(() -> {
                page.model().precisionProperty().set(p);
                page.model().contextLengthProperty().set(1024);
            }).get();
            waitIdle();
            List<Double> engineMs = new ArrayList<>();
            Platform.runLater(() -> page.model().mapProperty().addListener((o, a, m) -> engineMs.add(m.millis())));
            long[] last = {0};
            long[] frames = {0};
            List<double[]> gaps = new ArrayList<>();   // {length ms, end in ms of JVM uptime}
            var runtime = ManagementFactory.getRuntimeMXBean();
            Thread renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .findFirst().orElse(null);
            var cpu = ManagementFactory.getThreadMXBean();
            // CPU time each thread spent between two pulses: the stall the app itself causes, whatever the machine's load
            List<double[]> pulseCpu = new ArrayList<>();   // {FX ms, render ms}
            long[] lastCpu = {-1, -1};
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long fxNow = cpu.getCurrentThreadCpuTime();
                    long renderNow = renderer == null ? 0 : cpu.getThreadCpuTime(renderer.threadId());
                    if (last[0] != 0) {
                        gaps.add(new double[] {(t - last[0]) / 1e6, runtime.getUptime()});
                        pulseCpu.add(new double[] {(fxNow - lastCpu[0]) / 1e6, (renderNow - lastCpu[1]) / 1e6});
                    }
                    last[0] = t;
                    lastCpu[0] = fxNow;
                    lastCpu[1] = renderNow;
                    frames[0]++;
                }
            };
            Platform.runLater(timer::start);
            var slider = page.attentionView().mapPanel().temperatureSlider();
            ConcurrentLinkedQueue<String> lateStacks = new ConcurrentLinkedQueue<>();
            boolean[] dragging = {true};
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (dragging[0]) {
                    LockSupport.parkNanos(2_000_000);
                    long l = last[0];
                    if (l != 0 && System.nanoTime() - l > LATE_NANOS) {
                        lateStacks.add("FX: " + where(fx.getStackTrace()));
                        if (renderer != null) lateStacks.add("renderer: " + where(renderer.getStackTrace()));
                    }
                }
            });
            long fxCpu0 = cpu.getThreadCpuTime(fx.threadId());
            long renderCpu0 = renderer == null ? 0 : cpu.getThreadCpuTime(renderer.threadId());
            long gcMs0 = gcMillis();
            long t0 = System.nanoTime();
            int moves = 0;
            while (System.nanoTime() - t0 < 4_000_000_000L) {
                double v = -1 + 2 * ((moves % 100) / 99.0);   // log10 T from -1 to 1 and back
                Platform.runLater(() -> slider.setValue(v));
                moves++;
                Thread.sleep(16);
            }
            waitIdle();
            double fxCpuMs = (cpu.getThreadCpuTime(fx.threadId()) - fxCpu0) / 1e6;
            double renderCpuMs = renderer == null ? Double.NaN : (cpu.getThreadCpuTime(renderer.threadId()) - renderCpu0) / 1e6;
            long gcMs = gcMillis() - gcMs0;
            dragging[0] = false;
            sampler.join();
            Platform.runLater(timer::stop);
            WaitForAsyncUtils.waitForFxEvents();
            // one full redraw, part by part, in CPU time of the FX thread (the machine's load does not inflate it)
            String[] parts = {"image", "entropy chart", "row chart", "css + layout"};
            double[][] partMs = new double[parts.length][5];
            for (int k = 0; k < 5; k++) {
                int kk = k;
                WaitForAsyncUtils.asyncFx(() -> {
                    MapPanel panel = page.attentionView().mapPanel();
                    MapComputation m = page.model().mapProperty().get();
                    Runnable[] steps = {
                            () -> panel.heatMap().showNow(m, page.model().logColoursProperty().get()),
                            () -> panel.charts().showEntropy(m),
                            () -> panel.charts().showRow(m, m.queries() - 1),
                            () -> {
                                page.view().applyCss();
                                page.view().layout();
                            }};
                    for (int i = 0; i < steps.length; i++) {
                        long c0 = cpu.getCurrentThreadCpuTime();
                        steps[i].run();
                        partMs[i][kk] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
                    }
                }).get();
            }
            StringBuilder redraw = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                double[] sorted = partMs[i].clone();
                java.util.Arrays.sort(sorted);
                redraw.append(String.format(Locale.ROOT, "%s %.1f ms%s", parts[i], sorted[2], i < parts.length - 1 ? ", " : ""));
            }
            System.out.printf(Locale.ROOT, "%s n=1024: one redraw on the FX thread, CPU time, medians of 5: %s%n", p.id(), redraw);
            engineMs.sort(Double::compare);
            gaps.sort(Comparator.comparingDouble((double[] g) -> g[0]).reversed());
            long over50 = gaps.stream().filter(g -> g[0] > 50).count();
            long withGc = gaps.stream().filter(g -> g[0] > 50).filter(g -> overlaps(g, gcPauses)).count();
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(5, gaps.size()); i++) {
                top.append(String.format(Locale.ROOT, " %.0f%s", gaps.get(i)[0], overlaps(gaps.get(i), gcPauses) ? "(GC)" : ""));
            }
            System.out.printf(Locale.ROOT, "%s n=1024: %d slider moves, %d recomputations shown, engine ms median %.1f max %.1f; "
                            + "%d FX pulses, longest gaps between pulses (ms):%s; %d gaps over 50 ms, %d of them overlap a GC pause%n",
                    p.id(), moves, engineMs.size(),
                    engineMs.isEmpty() ? Double.NaN : engineMs.get(engineMs.size() / 2),
                    engineMs.isEmpty() ? Double.NaN : engineMs.getLast(), frames[0], top, over50, withGc);
            System.out.printf(Locale.ROOT, "%s n=1024: CPU time while dragging: FX thread %.0f ms, render thread %.0f ms "
                    + "(%.1f + %.1f ms per pulse); GC pauses %d ms%n", p.id(), fxCpuMs, renderCpuMs, fxCpuMs / frames[0],
                    renderCpuMs / frames[0], gcMs);
            double[] fxPulse = pulseCpu.stream().mapToDouble(c -> c[0]).sorted().toArray();
            double[] renderPulse = pulseCpu.stream().mapToDouble(c -> c[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s n=1024: CPU time between two pulses, FX thread: median %.1f, 99th percentile %.1f, "
                            + "max %.1f ms; render thread: median %.1f, 99th percentile %.1f, max %.1f ms%n", p.id(),
                    quantile(fxPulse, 0.5), quantile(fxPulse, 0.99), quantile(fxPulse, 1), quantile(renderPulse, 0.5),
                    quantile(renderPulse, 0.99), quantile(renderPulse, 1));
            Map<String, Integer> counts = new HashMap<>();
            for (String s : lateStacks) counts.merge(s, 1, Integer::sum);
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(14)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  late pulse, %3d samples (2 ms), %s%n", e.getValue(), e.getKey()));
            gcPauses.clear();
        }
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Milliseconds of stop-the-world collections so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(g -> !g.getName().contains("Concurrent"))
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Whether a gap (length, end) overlaps a GC pause. */
    private static boolean overlaps(double[] gap, List<double[]> pauses) {
        double start = gap[1] - gap[0];
        return pauses.stream().anyMatch(p -> p[1] >= start && p[0] <= gap[1]);
    }

    /** The FX thread's innermost frames of this project, JavaFX or JFreeChart: where it spends a late pulse. */
    private static String where(StackTraceElement[] stack) {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (StackTraceElement e : stack) {
            if (shown == 0 && s.isEmpty()) s.append(e.getClassName().replaceAll(".*\\.", "")).append('.').append(e.getMethodName()).append(" < ");
            String c = e.getClassName();
            if (c.startsWith("lab.softmax") || c.startsWith("org.jfree") || c.startsWith("javafx.scene") || c.startsWith("com.sun.javafx.tk")
                    || c.startsWith("com.sun.prism") || c.startsWith("com.sun.javafx.sg")) {
                s.append(c.replaceAll(".*\\.", "")).append('.').append(e.getMethodName()).append(shown < 3 ? " < " : "");
                if (++shown == 4) break;
            }
        }
        return s.toString();
    }
}
