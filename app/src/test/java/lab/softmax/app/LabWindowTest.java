package lab.softmax.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window with every lab in a headless stage (1400 × 900), as the responsiveness tests and measurements
 * drive it. A subclass shows it from its own {@code @Start} method (TestFX looks for that in the class itself).
 */
@ExtendWith(ApplicationExtension.class)
abstract class LabWindowTest {
    @TempDir
    static Path config;

    protected MainWindow window;
    /** The window's workers, as the app makes them (nicer than the window). */
    protected BackgroundTasks tasks;

    /** Shows the main window; settings and recent files go to a temporary folder. */
    protected void show(Stage stage) {
        System.setProperty("softmaxlab.config", config.toString());
        tasks = BackgroundTasks.forFxApplication();
        window = new MainWindow(tasks, Labs.all(), new RecentFiles(config.resolve("recent.txt")));
        stage.setScene(SoftmaxLabApp.createScene(window, 1400, 900));
        stage.show();
    }

    /** Runs left going by a test must not run on under the next one. */
    @AfterEach
    void disposeWindow(FxRobot robot) {
        robot.interact(window::dispose);
    }

    /** The page of the lab with this title (created if it was not yet), without showing it. */
    protected LabPage page(String title) throws Exception {
        return fx(() -> window.page(window.labs().stream().filter(l -> l.title().equals(title)).findFirst().orElseThrow()));
    }

    /** Shows the lab with this title, as a click in the navigation does, and returns its page. */
    protected LabPage open(String title) throws Exception {
        return fx(() -> {
            window.labs().stream().filter(l -> l.title().equals(title)).findFirst().ifPresent(window::show);
            return window.currentPage();
        });
    }

    /** Runs c on the FX thread; a minute without an answer fails, printing the FX thread's stack. */
    static <T> T fx(Callable<T> c) throws Exception {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Thread.getAllStackTraces().forEach((t, stack) -> {
                if (t.getName().equals("JavaFX Application Thread")) {
                    System.out.println("the FX thread did not answer for 60 s:");
                    for (StackTraceElement frame : stack) System.out.println("    at " + frame);
                }
            });
            throw new AssertionError("the FX thread did not answer for 60 s (its stack is printed above)", e);
        }
    }
}
