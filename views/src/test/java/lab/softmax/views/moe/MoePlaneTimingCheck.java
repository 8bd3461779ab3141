package lab.softmax.views.moe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.softmax.engine.moe.Router;
import lab.softmax.views.common.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A measurement, not a unit test (it runs only with {@code -Dtest=MoePlaneTimingCheck -Dmoe.timing=true}): the Plane
 * tab (400 × 400) in a headless window while E1's gate vector is dragged round a circle (one move per 16 ms for 4 s),
 * once at T = 1 (one frame per move) and once at T = 3 (the partition check adds the raw logits' frame whenever the
 * gates change), with the arrow marked as dragged as a mouse drag marks it. Prints the off-thread frame time of each shown recomputation, the FX thread's redraw time and the
 * longest gap between two FX pulses, and the CPU time per shown frame of the workers, the FX application thread and the
 * renderer (thread CPU time does not grow with the machine's load as wall time does: on an idle machine with two cores
 * the frame rate is about 1000 / max(worker, FX + renderer) frames per second).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "moe.timing", matches = "true")
class MoePlaneTimingCheck {
    private MoePage page;

    @Start
    void start(Stage stage) {
        page = new MoePage(BackgroundTasks.forFxApplication());
        stage.setScene(new Scene(page.view(), 1280, 800));
        stage.show();
    }

    private void waitIdle() throws Exception {
        Thread.sleep(100);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> page.busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** CPU nanoseconds so far per thread group: workers, the FX application thread, the renderer, the rest. */
    private static long[] cpu() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] g = new long[4];
        for (long id : bean.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = bean.getThreadInfo(id);
            long t = bean.getThreadCpuTime(id);
            if (info == null || t < 0) continue;
            String name = info.getThreadName();
            int group = name.startsWith("lab-worker") ? 0 : name.equals("JavaFX Application Thread") ? 1
                    : name.startsWith("QuantumRenderer") ? 2 : 3;
            g[group] += t;
        }
        return g;
    }

    @Test
    void dragAGateVector() throws Exception {
        for (double t : new double[] {1, 1, 3}) {
            for (Router router : new Router[] {Router.TOPK_SOFTMAX, Router.SOFTMAX_TOPK}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    page.model().temperatureProperty().set(t);
                    page.model().routerProperty().set(router);
                }).get();
                waitIdle();
                List<Double> engineMs = new ArrayList<>();
                List<Double> checkMs = new ArrayList<>();
                Platform.runLater(() -> page.model().planeProperty().addListener((o, a, p) -> {
                    engineMs.add(p.millis());
                    if (p.checkMillis() > 0) checkMs.add(p.checkMillis());
                }));
                long[] last = {0};
                double[] maxGap = {0};
                long[] frames = {0};
                AnimationTimer timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        if (last[0] != 0) maxGap[0] = Math.max(maxGap[0], (now - last[0]) / 1e6);
                        last[0] = now;
                        frames[0]++;
                    }
                };
                Platform.runLater(timer::start);
                // as a mouse drag of the arrow's head does: the weight chart follows at ≤ 4 Hz meanwhile
                Platform.runLater(() -> page.moeView().planePanel().canvas().draggingProperty().set(true));
                long[] cpu0 = cpu();
                long t0 = System.nanoTime();
                int moves = 0;
                while (System.nanoTime() - t0 < 4_000_000_000L) {
                    double angle = moves * 0.05;
                    double w1 = Math.round(1.6 * Math.cos(angle) * 100) / 100.0;
                    double w2 = Math.round(1.6 * Math.sin(angle) * 100) / 100.0;
                    Platform.runLater(() -> page.model().setGateVector(0, w1, w2));
                    moves++;
                    Thread.sleep(16);
                }
                long[] cpu1 = cpu();
                int shown = engineMs.size();
                Platform.runLater(() -> page.moeView().planePanel().canvas().draggingProperty().set(false));
                waitIdle();
                Platform.runLater(timer::stop);
                WaitForAsyncUtils.waitForFxEvents();
                double[] redraw = new double[5];
                double[] pixels = new double[5];
                double[] profile = new double[5];
                for (int k = 0; k < redraw.length; k++) {
                    int kk = k;
                    WaitForAsyncUtils.asyncFx(() -> {
                        PlanePanel panel = page.moeView().planePanel();
                        long r0 = System.nanoTime();
                        panel.canvas().show(page.model().planeProperty().get());
                        long r1 = System.nanoTime();
                        panel.showProfile();
                        long r2 = System.nanoTime();
                        panel.redraw();
                        page.view().applyCss();
                        page.view().layout();
                        redraw[kk] = (System.nanoTime() - r2) / 1e6;
                        pixels[kk] = (r1 - r0) / 1e6;
                        profile[kk] = (r2 - r1) / 1e6;
                    }).get();
                }
                System.out.printf(Locale.ROOT, "  of which: pixels %s ms, profile chart %s ms%n",
                        java.util.Arrays.toString(java.util.Arrays.stream(pixels).map(x -> Math.round(x * 10) / 10.0).toArray()),
                        java.util.Arrays.toString(java.util.Arrays.stream(profile).map(x -> Math.round(x * 10) / 10.0).toArray()));
                engineMs.sort(Double::compare);
                checkMs.sort(Double::compare);
                System.out.printf(Locale.ROOT, "T=%s %s: %d moves, %d frames shown, frame ms median %.1f max %.1f; check frame ms "
                                + "median %s; redraw on the FX thread %s ms; %d FX pulses, longest gap %.1f ms%n", t, router.id(),
                        moves, engineMs.size(), engineMs.isEmpty() ? Double.NaN : engineMs.get(engineMs.size() / 2),
                        engineMs.isEmpty() ? Double.NaN : engineMs.getLast(),
                        checkMs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", checkMs.get(checkMs.size() / 2)),
                        java.util.Arrays.toString(java.util.Arrays.stream(redraw).map(x -> Math.round(x * 10) / 10.0).toArray()),
                        frames[0], maxGap[0]);
                System.out.printf(Locale.ROOT, "  CPU ms per shown frame during the drag: workers %.1f, FX thread %.1f, renderer %.1f, "
                                + "rest (JIT, GC, the test) %.1f; %.1f frames shown per second%n",
                        (cpu1[0] - cpu0[0]) / 1e6 / shown, (cpu1[1] - cpu0[1]) / 1e6 / shown, (cpu1[2] - cpu0[2]) / 1e6 / shown,
                        (cpu1[3] - cpu0[3]) / 1e6 / shown, shown / 4.0);
            }
        }
    }
}
