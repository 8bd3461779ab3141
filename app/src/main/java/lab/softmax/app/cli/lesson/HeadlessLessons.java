package lab.softmax.app.cli.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import lab.softmax.app.HeadlessFx;
import lab.softmax.app.Labs;
import lab.softmax.app.SoftmaxLabApp;
import lab.softmax.app.lesson.ControlLock;
import lab.softmax.app.lesson.Lesson;
import lab.softmax.app.lesson.LessonStep;
import lab.softmax.engine.io.AtomicFiles;
import lab.softmax.engine.io.InputException;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.Exporter;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.OnePerFrame;

/**
 * The lesson commands' use of the views, without a display (Monocle): looking the unlocked controls up in
 * each lab's real view, and rendering each step for the hand-out. (Like {@code snapshot}, these commands
 * are allowed to build views; see ArchitectureTest.)
 */
final class HeadlessLessons {
    private static final long FX_TIMEOUT_SECONDS = 120;

    private HeadlessLessons() { }

    /** Throws an InputException naming the step when a step unlocks a control its lab's view does not have. */
    static void checkControls(Lesson lesson, String source) throws Exception {
        HeadlessFx.start();
        try (BackgroundTasks tasks = BackgroundTasks.forFxApplication()) {
            Map<String, Set<String>> idsByLab = HeadlessFx.call(() -> {
                Map<String, Set<String>> ids = new HashMap<>();
                for (String lab : lesson.labs()) {
                    LabPage page = Labs.byId(lab).orElseThrow().createPage(tasks);
                    ids.put(lab, ControlLock.ids(page.view()));
                    page.dispose();
                }
                return ids;
            }, FX_TIMEOUT_SECONDS);
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                Set<String> known = idsByLab.get(step.lab());
                for (int j = 0; j < step.unlocked().size(); j++) {
                    String id = step.unlocked().get(j);
                    if (!known.contains(id)) {
                        throw new InputException(source, "step " + (i + 1) + ": unlocked[" + j + "]", "no control '" + id
                                + "' in the " + step.lab() + " lab (its controls: " + String.join(", ", known) + ")");
                    }
                }
            }
        }
    }

    /** Renders each step to step-NN.png and writes handout.md beside them; returns the hand-out's path. */
    static Path export(Lesson lesson, Path dir, int width, int height, long timeoutSeconds) throws Exception {
        HeadlessFx.start();
        List<String> figures = new ArrayList<>();
        try (BackgroundTasks tasks = BackgroundTasks.forFxApplication()) {
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                String name = String.format(Locale.ROOT, "step-%02d.png", i + 1);
                LabPage page = HeadlessFx.call(() -> {
                    LabPage p = Labs.byId(step.lab()).orElseThrow().createPage(tasks);
                    p.load(step.scenario());
                    Scene scene = new Scene(p.view(), width, height);
                    scene.getStylesheets().add(SoftmaxLabApp.class.getResource("app.css").toExternalForm());
                    return p;
                }, FX_TIMEOUT_SECONDS);
                waitUntilIdle(page, timeoutSeconds, i);
                WritableImage image = HeadlessFx.call(() -> {
                    OnePerFrame.flush();
                    page.view().applyCss();
                    page.view().layout();
                    return page.view().getScene().snapshot(null);
                }, FX_TIMEOUT_SECONDS);
                Exporter.writePng(image, dir.resolve(name));
                HeadlessFx.call(() -> {
                    page.dispose();
                    return null;
                }, FX_TIMEOUT_SECONDS);
                figures.add(name);
            }
        }
        Path handout = dir.resolve("handout.md");
        AtomicFiles.writeString(handout, Handout.markdown(lesson, figures));
        return handout;
    }

    private static void waitUntilIdle(LabPage page, long seconds, int step) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int idleChecks = 0;
        while (idleChecks < 3) {
            if (System.nanoTime() > deadline) {
                throw new InputException("", "--timeout", "step " + (step + 1) + " did not finish computing within " + seconds + " s; allow more");
            }
            boolean busy = HeadlessFx.call(() -> page.busyProperty().get(), FX_TIMEOUT_SECONDS);
            idleChecks = busy ? 0 : idleChecks + 1;
            Thread.sleep(50);
        }
    }

}
