package lab.softmax.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.ChartWarmUp;

/** The desktop application. */
public final class SoftmaxLabApp extends Application {
    public static final String TITLE = "Softmax Lab";
    private BackgroundTasks tasks;
    private MainWindow window;
    private Autosave autosave;

    public static void launchApp(String[] args) {
        Application.launch(SoftmaxLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        tasks = BackgroundTasks.forFxApplication();
        window = new MainWindow(tasks, Labs.all(), RecentFiles.forUser());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> ErrorDialog.showUnexpected(stage, e));
        Scene scene = createScene(window, 1280, 820);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
        startRecovery(stage);
    }

    /**
     * Offers what a crashed session left (if anything), then starts keeping this session's states. Without a
     * writable state folder the app runs without recovery files and says so on stderr.
     */
    private void startRecovery(Stage stage) {
        var io = ScenarioTypes.io();
        var orphans = RecoveryStore.orphans(RecoveryStore.root());
        try {
            autosave = Autosave.forApp(RecoveryStore.start(RecoveryStore.root(), io));
            window.setOnPageCreated(autosave::watch);
        } catch (java.io.IOException e) {
            System.err.println("softmax-lab: no recovery files this session: " + e.getMessage());
        }
        if (!orphans.isEmpty()) javafx.application.Platform.runLater(() -> RecoveryPrompt.offer(stage, window, orphans));
    }

    /** The window's scene; it also starts compiling the charts' drawing (a lab's first redraws would be slow). */
    public static Scene createScene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window, width, height);
        window.appearance().attach(scene);   // app.css, and the theme's sheets
        ChartWarmUp.start();
        return scene;
    }

    @Override
    public void stop() {
        if (window != null) window.dispose();   // a save in flight finishes first
        if (autosave != null) {
            try {
                autosave.close();   // a clean exit leaves nothing to recover
            } catch (java.io.IOException e) {
                System.err.println("softmax-lab: cannot remove the recovery files: " + e.getMessage());
            }
        }
        if (tasks != null) tasks.close();
    }
}
