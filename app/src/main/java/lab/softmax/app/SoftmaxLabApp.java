package lab.softmax.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.softmax.views.common.BackgroundTasks;

/** The desktop application. */
public final class SoftmaxLabApp extends Application {
    public static final String TITLE = "Softmax Lab";
    private BackgroundTasks tasks;
    private MainWindow window;

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
    }

    public static Scene createScene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window, width, height);
        window.appearance().attach(scene);   // app.css, and the theme's sheets
        return scene;
    }

    @Override
    public void stop() {
        if (window != null) window.dispose();   // a save in flight finishes first
        if (tasks != null) tasks.close();
    }
}
