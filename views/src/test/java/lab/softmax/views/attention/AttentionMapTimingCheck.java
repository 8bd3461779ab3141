package lab.softmax.views.attention;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@code -Dtest=AttentionMapTimingCheck}): the Map tab at n = 1024 in a headless window (Monocle, software
 * rendering). Two runs of 4 s per precision:
 * <ul>
 *   <li>drag: the temperature slider moved every 16 ms, the engine recomputing off the FX thread;</li>
 *   <li>replay (fp32): ten maps computed beforehand shown at 30 a second, so the view's own work per map is
 *       measured at the update rate even when a busy machine makes the engine too slow to deliver it.</li>
 * </ul>
 * Each prints the longest gaps between two FX pulses (wall clock) and how many of those over 50 ms overlapped
 * a stop-the-world GC pause; the CPU time the FX and render threads spent between two pulses (the stall the
 * view itself causes, whatever the load); and where both threads were while a pulse was over 30 ms late
 * (stacks sampled every 2 ms). Then one full redraw in CPU time, part by part.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionMapTimingCheck {
    private static final long LATE_NANOS = 30_000_000;
    private static final long RUN_NANOS = 4_000_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private AttentionPage page;

    @Start
    void start(Stage stage) {
        page = new AttentionPage(BackgroundTasks.forFxApplication());
        stage.setScene(new Scene(page.view(), 1280, 800));
        stage.show();
    }

    private void waitIdle() throws Exception {
        Thread.sleep(100);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> page.busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragTheTemperatureAtN1024() throws Exception {
        List<double[]> gcPauses = watchGcPauses();
        Thread fx = WaitForAsyncUtils.asyncFx(Thread::currentThread).get();
        var slider = page.attentionView().mapPanel().temperatureSlider();
        for (Precision p : new Precision[] {Precision.FP32, Precision.FP64, Precision.FP16}) {
            WaitForAsyncUtils.asyncFx(() -> {
                page.model().precisionProperty().set(p);
                page.model().contextLengthProperty().set(1024);
            }).get();
            waitIdle();
            List<Double> engineMs = new CopyOnWriteArrayList<>();
            javafx.beans.value.ChangeListener<MapComputation> onMap = (o, a, m) -> engineMs.add(m.millis());
            Platform.runLater(() -> page.model().mapProperty().addListener(onMap));
            Pulses pulses = Pulses.start(fx, gcPauses);
            long t0 = System.nanoTime();
            int moves = 0;
            while (System.nanoTime() - t0 < RUN_NANOS) {
                double v = -1 + 2 * ((moves % 100) / 99.0);   // log10 T from -1 to 1 and back
                Platform.runLater(() -> slider.setValue(v));
                moves++;
                Thread.sleep(16);
            }
            waitIdle();
            pulses.stop();
            Platform.runLater(() -> page.model().mapProperty().removeListener(onMap));
            List<Double> sorted = engineMs.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%s n=1024 drag: %d slider moves, %d maps shown, engine ms median %.1f max %.1f%n", p.id(),
                    moves, sorted.size(), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? Double.NaN : sorted.getLast());
            pulses.report(p.id() + " n=1024 drag");
            if (p == Precision.FP32) replay(fx, gcPauses);
            printRedraw(p.id());
        }
    }

    /** Ten fp32 maps of T from 0.1 to 10 shown at 30 a second for 4 s, as a fast engine would deliver them. */
    private void replay(Thread fx, List<double[]> gcPauses) throws Exception {
        List<MapComputation> maps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double t = Math.pow(10, -1 + 2 * i / 9.0);
            WaitForAsyncUtils.asyncFx(() -> page.model().temperatureProperty().set(Double.parseDouble(String.format(Locale.ROOT, "%.3g", t))))
                    .get();
            waitIdle();
            maps.add(WaitForAsyncUtils.asyncFx(() -> page.model().mapProperty().get()).get());
        }
        Pulses pulses = Pulses.start(fx, gcPauses);
        long t0 = System.nanoTime();
        int shown = 0;
        while (System.nanoTime() - t0 < RUN_NANOS) {
            MapComputation m = maps.get(shown++ % maps.size());
            Platform.runLater(() -> page.model().show(m));
            Thread.sleep(33);
        }
        waitIdle();
        pulses.stop();
        System.out.printf(Locale.ROOT, "fp32 n=1024 replay: %d maps shown at 30 a second%n", shown);
        pulses.report("fp32 n=1024 replay");
    }

    /** One full redraw, part by part, in CPU time of the FX thread (the machine's load does not inflate it). */
    private void printRedraw(String precision) throws Exception {
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
                    long c0 = CPU.getCurrentThreadCpuTime();
                    steps[i].run();
                    partMs[i][kk] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
                }
            }).get();
        }
        StringBuilder redraw = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            double[] sorted = partMs[i].clone();
            Arrays.sort(sorted);
            redraw.append(String.format(Locale.ROOT, "%s %.1f ms%s", parts[i], sorted[2], i < parts.length - 1 ? ", " : ""));
        }
        System.out.printf(Locale.ROOT, "%s n=1024: one redraw on the FX thread, CPU time, medians of 5: %s%n", precision, redraw);
    }

    /** Pulse gaps, CPU time per pulse of the FX and render threads, GC pauses and late-pulse stacks of one run. */
    private static final class Pulses {
        private final List<double[]> gaps = new ArrayList<>();       // {length ms, end in ms of JVM uptime}
        private final List<double[]> pulseCpu = new ArrayList<>();   // {FX ms, render ms}
        private final ConcurrentLinkedQueue<String> lateStacks = new ConcurrentLinkedQueue<>();
        private final List<double[]> gcPauses;
        private final Thread renderer;
        private final long gcMs0 = gcMillis();
        private volatile long lastPulse;
        private volatile boolean running = true;
        private AnimationTimer timer;
        private Thread sampler;

        private Pulses(List<double[]> gcPauses) {
            this.gcPauses = gcPauses;
            renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .findFirst().orElse(null);
        }

        static Pulses start(Thread fx, List<double[]> gcPauses) {
            Pulses p = new Pulses(gcPauses);
            var runtime = ManagementFactory.getRuntimeMXBean();
            long[] lastCpu = {0, 0};
            p.timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    long fxNow = CPU.getCurrentThreadCpuTime();
                    long renderNow = p.renderer == null ? 0 : CPU.getThreadCpuTime(p.renderer.threadId());
                    if (p.lastPulse != 0) {
                        p.gaps.add(new double[] {(t - p.lastPulse) / 1e6, runtime.getUptime()});
                        p.pulseCpu.add(new double[] {(fxNow - lastCpu[0]) / 1e6, (renderNow - lastCpu[1]) / 1e6});
                    }
                    p.lastPulse = t;
                    lastCpu[0] = fxNow;
                    lastCpu[1] = renderNow;
                }
            };
            Platform.runLater(p.timer::start);
            p.sampler = Thread.ofPlatform().daemon().start(() -> {
                while (p.running) {
                    LockSupport.parkNanos(2_000_000);
                    long l = p.lastPulse;
                    if (l != 0 && System.nanoTime() - l > LATE_NANOS) {
                        p.lateStacks.add("FX: " + where(fx.getStackTrace()));
                        if (p.renderer != null) p.lateStacks.add("renderer: " + where(p.renderer.getStackTrace()));
                    }
                }
            });
            return p;
        }

        void stop() throws Exception {
            running = false;
            sampler.join();
            WaitForAsyncUtils.asyncFx(timer::stop).get();
        }

        void report(String what) {
            List<double[]> byLength = new ArrayList<>(gaps);
            byLength.sort(Comparator.comparingDouble((double[] g) -> g[0]).reversed());
            StringBuilder top = new StringBuilder();
            for (int i = 0; i < Math.min(5, byLength.size()); i++) {
                top.append(String.format(Locale.ROOT, " %.0f%s", byLength.get(i)[0], overlapsGc(byLength.get(i)) ? "(GC)" : ""));
            }
            long over50 = gaps.stream().filter(g -> g[0] > 50).count();
            long withGc = gaps.stream().filter(g -> g[0] > 50).filter(this::overlapsGc).count();
            System.out.printf(Locale.ROOT, "%s: %d pulses, longest gaps (ms):%s; %d gaps over 50 ms, %d of them overlap a GC pause; "
                    + "GC pauses %d ms in all%n", what, gaps.size() + 1, top, over50, withGc, gcMillis() - gcMs0);
            double[] fx = pulseCpu.stream().mapToDouble(c -> c[0]).sorted().toArray();
            double[] render = pulseCpu.stream().mapToDouble(c -> c[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: CPU time between two pulses, FX thread median %.1f, 99th percentile %.1f, max %.1f ms; "
                            + "render thread median %.1f, 99th percentile %.1f, max %.1f ms%n", what,
                    quantile(fx, 0.5), quantile(fx, 0.99), quantile(fx, 1), quantile(render, 0.5), quantile(render, 0.99),
                    quantile(render, 1));
            Map<String, Integer> counts = new HashMap<>();
            for (String s : lateStacks) counts.merge(s, 1, Integer::sum);
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  late pulse, %3d samples (2 ms), %s%n", e.getValue(), e.getKey()));
        }

        private boolean overlapsGc(double[] gap) {
            double start = gap[1] - gap[0];
            return gcPauses.stream().anyMatch(p -> p[1] >= start && p[0] <= gap[1]);
        }
    }

    /** Stop-the-world GC pauses as [start, end] in ms of JVM uptime. */
    private static List<double[]> watchGcPauses() {
        List<double[]> pauses = new CopyOnWriteArrayList<>();
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

    /** Milliseconds of stop-the-world collections so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().filter(g -> !g.getName().contains("Concurrent"))
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** The thread's innermost frame and then its innermost frames of this project, JavaFX, Prism or JFreeChart. */
    private static String where(StackTraceElement[] stack) {
        StringBuilder s = new StringBuilder();
        if (stack.length > 0) s.append(stack[0].getClassName().replaceAll(".*\\.", "")).append('.').append(stack[0].getMethodName());
        int shown = 0;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("lab.softmax") || c.startsWith("org.jfree") || c.startsWith("javafx.scene") || c.startsWith("com.sun.javafx.tk")
                    || c.startsWith("com.sun.prism") || c.startsWith("com.sun.javafx.sg")) {
                s.append(" < ").append(c.replaceAll(".*\\.", "")).append('.').append(e.getMethodName());
                if (++shown == 4) break;
            }
        }
        return s.toString();
    }
}
