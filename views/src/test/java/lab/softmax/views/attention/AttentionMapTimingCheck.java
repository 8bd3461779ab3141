package lab.softmax.views.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
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
 * recomputation (off the FX thread) and the longest gap between two FX pulses.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionMapTimingCheck {
    private AttentionPage page;

    @Start
    void start(Stage stage) {
        page = new AttentionPage(BackgroundTasks.forFxApplication());
        stage.setScene(new Scene(page.view(), 1280, 800));
        stage.show();
    }

    private void waitIdle() throws Exception {
        Thread.sleep(100);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(() -> page.busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dragTheTemperatureAtN1024() throws Exception {
        for (Precision p : new Precision[] {Precision.FP32, Precision.FP64, Precision.FP16}) {
            WaitForAsyncUtils.asyncFx(() -> {
                page.model().precisionProperty().set(p);
                page.model().contextLengthProperty().set(1024);
            }).get();
            waitIdle();
            List<Double> engineMs = new ArrayList<>();
            Platform.runLater(() -> page.model().mapProperty().addListener((o, a, m) -> engineMs.add(m.millis())));
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
            var slider = page.attentionView().mapPanel().temperatureSlider();
            long t0 = System.nanoTime();
            int moves = 0;
            while (System.nanoTime() - t0 < 4_000_000_000L) {
                double v = -1 + 2 * ((moves % 100) / 99.0);   // log10 T from -1 to 1 and back
                Platform.runLater(() -> slider.setValue(v));
                moves++;
                Thread.sleep(16);
            }
            waitIdle();
            Platform.runLater(timer::stop);
            WaitForAsyncUtils.waitForFxEvents();
            double[] redraw = new double[5];
            for (int k = 0; k < redraw.length; k++) {
                int kk = k;
                WaitForAsyncUtils.asyncFx(() -> {
                    long r0 = System.nanoTime();
                    page.attentionView().mapPanel().redraw();
                    page.view().applyCss();
                    page.view().layout();
                    redraw[kk] = (System.nanoTime() - r0) / 1e6;
                }).get();
            }
            System.out.printf(Locale.ROOT, "%s n=1024: one redraw on the FX thread %s ms%n", p.id(), java.util.Arrays.toString(redraw));
            engineMs.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%s n=1024: %d slider moves, %d recomputations shown, engine ms median %.1f max %.1f; "
                            + "%d FX pulses, longest gap between pulses %.1f ms%n", p.id(), moves, engineMs.size(),
                    engineMs.isEmpty() ? Double.NaN : engineMs.get(engineMs.size() / 2),
                    engineMs.isEmpty() ? Double.NaN : engineMs.getLast(), frames[0], maxGap[0]);
        }
    }
}
