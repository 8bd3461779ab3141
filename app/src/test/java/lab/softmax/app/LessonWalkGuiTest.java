package lab.softmax.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import lab.softmax.app.lesson.ControlLock;
import lab.softmax.app.lesson.Lesson;
import lab.softmax.app.lesson.LessonIO;
import lab.softmax.app.lesson.LessonStep;
import lab.softmax.app.lesson.ShippedLessons;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start page, and every shipped lesson walked step by step in the real window (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class LessonWalkGuiTest {
    @TempDir
    static Path config;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        System.setProperty("softmaxlab.config", config.toString());
        window = new MainWindow(BackgroundTasks.forFxApplication(), Labs.all(), new RecentFiles(config.resolve("recent.txt")));
        stage.setScene(SoftmaxLabApp.createScene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void dispose(FxRobot robot) {
        robot.interact(window::dispose);
    }

    @Test
    void theAppOpensOnAStartPageWithACardPerRegisteredLab(FxRobot robot) {
        assertSame(window.startPage(), window.getCenter());
        assertNull(window.currentLab(), "no lab is current on the start page");
        for (Lab lab : Labs.REGISTERED) {
            Button open = robot.lookup("#open-" + lab.id()).queryButton();
            robot.interact(open::fire);
            assertEquals(lab.id(), window.currentLab().id());
            robot.interact(window::showStartPage);
            assertSame(window.startPage(), window.getCenter());
        }
        assertEquals(Labs.REGISTERED.size(), robot.lookup(".lab-card").queryAll().size());
    }

    @Test
    void theStartPageListsTheShippedLessons(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup(".start-lesson").queryAll().size() == ShippedLessons.files().size());
    }

    @Test
    void everyShippedLessonWalksWithExactlyItsControlsFree(FxRobot robot) throws Exception {
        LessonIO io = new LessonIO(Labs.REGISTERED, ScenarioTypes.io());
        for (Path file : ShippedLessons.files()) {
            Lesson lesson = io.read(file);
            robot.interact(() -> window.lessonMode().start(lesson, file));
            assertTrue(window.navigation().isDisabled(), "the lesson decides the lab");
            for (int i = 0; i < lesson.steps().size(); i++) {
                int step = i;
                robot.interact(() -> window.lessonMode().show(step));
                String where = file.getFileName() + " step " + (i + 1);
                checkStep(robot, lesson.steps().get(i), where);
            }
            robot.interact(() -> window.lessonMode().leave());
            assertFalse(window.navigation().isDisabled());
            assertNull(window.getRight(), "the lesson panel is gone");
            LabPage page = window.currentPage();
            for (ControlLock.Input in : ControlLock.inputs(page.view())) {
                assertFalse(in.node().getStyleClass().contains(ControlLock.UNLOCKED_STYLE), "highlight removed: " + in.names());
            }
        }
    }

    private void checkStep(FxRobot robot, LessonStep step, String where) throws Exception {
        assertEquals(step.lab(), window.currentLab().id(), where);
        LabPage page = window.currentPage();
        assertEquals(ScenarioTypes.io().toJson(step.scenario()).length() > 0, true);
        Set<String> unlocked = new HashSet<>(step.unlocked());
        List<Node> lockedByLesson = window.lessonMode().currentLock().lockedNodes();
        Set<String> matched = new HashSet<>();
        int free = 0;
        for (ControlLock.Input in : ControlLock.inputs(page.view())) {
            boolean named = in.names().stream().anyMatch(unlocked::contains);
            in.names().stream().filter(unlocked::contains).forEach(matched::add);
            if (named) {
                free++;
                assertFalse(lockedByLesson.contains(in.node()), where + ": " + in.names() + " is unlocked");
            } else {
                assertTrue(in.node().isDisabled(), where + ": " + in.names() + " " + in.node() + " must be locked");
            }
        }
        assertEquals(unlocked, matched, where + ": every unlocked id names a control");
        assertTrue(unlocked.isEmpty() || free > 0, where);
        // Independent of ControlLock's own walk: the page's enabled inputs found through the scene graph.
        long enabledLabeled = robot.lookup(n -> n.getId() != null && step.unlocked().contains(n.getId())
                && !n.isDisabled()).queryAll().size();
        assertTrue(unlocked.isEmpty() || enabledLabeled > 0, where + ": an unlocked control is usable");
        assertFalse(isBlank(robot, page), where + ": the view renders");
    }

    /** A view is blank when its snapshot has (almost) one colour. */
    private static boolean isBlank(FxRobot robot, LabPage page) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(page.view().snapshot(null, null)));
        PixelReader px = shot.get().getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < shot.get().getHeight(); y += 7) {
            for (int x = 0; x < shot.get().getWidth(); x += 7) colours.add(px.getArgb(x, y));
        }
        return colours.size() < 8;
    }

    @Test
    void aLessonNamingAnUnknownControlIsRefusedBeforeAnythingChanges(FxRobot robot) throws Exception {
        LessonIO io = new LessonIO(Labs.REGISTERED, ScenarioTypes.io());
        Lesson good = io.read(ShippedLessons.directory().resolve("02-distributions-fp16-and-temperature.json"));
        LessonStep s = good.steps().get(0);
        Lesson bad = good.withSteps(List.of(s, new LessonStep(s.lab(), "x", s.scenario(), null, "x", List.of("no-such-control"), "", "")));
        AtomicReference<Exception> error = new AtomicReference<>();
        robot.interact(() -> {
            try {
                window.lessonMode().start(bad, Path.of("bad.json"));
            } catch (Exception e) {
                error.set(e);
            }
        });
        assertTrue(error.get().getMessage().startsWith("bad.json: step 2: unlocked: no control 'no-such-control'"), error.get().getMessage());
        assertFalse(window.lessonMode().isActive());
        assertFalse(window.navigation().isDisabled());
    }

    @Test
    void aViewAddedAsAStepSavesAndReadsBack(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.scenarios().open(SampleData.directory().resolve("scenarios/distributions/fp16-absorption.json")));
        robot.interact(() -> {
            LessonStep step = window.lessonMode().stepFromCurrentView();
            window.lessonMode().addStep(step.withText("Absorption", "Look at **absorbed**."));
        });
        Path file = dir.resolve("mine.json");
        LessonIO io = new LessonIO(Labs.REGISTERED, ScenarioTypes.io());
        io.write(file, window.lessonMode().lesson().orElseThrow());
        Lesson back = io.read(file);
        assertEquals(1, back.steps().size());
        assertEquals("distributions", back.steps().getFirst().lab());
        assertEquals("Look at **absorbed**.", back.steps().getFirst().text());
        assertEquals(ScenarioTypes.io().toJson(window.currentPage().scenario()), ScenarioTypes.io().toJson(back.steps().getFirst().scenario()));
    }
}
