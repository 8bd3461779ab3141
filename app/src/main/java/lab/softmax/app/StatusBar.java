package lab.softmax.app;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import lab.softmax.engine.kernels.VectorSupport;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.Widths;

/**
 * The kernels that really run (vector width or scalar, and why), threads and memory, the running background task
 * with its progress and a cancel button, and a note when a long run has finished.
 */
final class StatusBar extends HBox {
    private final Label memory = new Label();
    private final Label task = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final Label announcement = new Label();
    private final Timeline announcementTimeout = new Timeline();

    StatusBar(BackgroundTasks tasks) {
        super(12);
        getStyleClass().add("status-bar");
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        Label vector = new Label(VectorSupport.describe());
        Label threads = new Label(Runtime.getRuntime().availableProcessors() + " threads");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Widths.pref(progress, 140);
        cancel.getStyleClass().add("small");
        announcement.setId("run-finished");
        announcement.getStyleClass().add("announcement");
        announcement.setVisible(false);
        getChildren().addAll(vector, threads, memory, spacer, announcement, task, progress, cancel);
        showTask(null);
        tasks.latestProperty().addListener((o, a, t) -> showTask(t));
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(1), e -> updateMemory()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        updateMemory();
    }

    /** A message that stays 15 s in the bar's middle (a long run has finished), then goes. */
    void announce(String message) {
        announcement.setText("✓ " + message);
        announcement.setVisible(true);
        announcementTimeout.stop();
        announcementTimeout.getKeyFrames().setAll(new KeyFrame(Duration.seconds(15), e -> announcement.setVisible(false)));
        announcementTimeout.play();
    }

    Label announcement() { return announcement; }

    private void showTask(RunningTask<?> t) {
        task.textProperty().unbind();
        progress.progressProperty().unbind();
        if (t == null) {
            setTaskVisible(false);
            return;
        }
        task.textProperty().bind(t.messageProperty());
        progress.progressProperty().bind(t.progressProperty());
        cancel.setOnAction(e -> t.cancel());
        setTaskVisible(t.runningProperty().get());
        t.runningProperty().addListener((o, a, running) -> setTaskVisible(running));
    }

    /**
     * Shows or hides the task's part of the bar. It keeps its space when hidden: a bar whose height changed at every
     * run's start and end would resize the lab above it, and every chart there would be redrawn in that frame.
     */
    private void setTaskVisible(boolean visible) {
        for (var n : new javafx.scene.Node[] {task, progress, cancel}) n.setVisible(visible);
    }

    private void updateMemory() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        memory.setText(String.format(Locale.ROOT, "memory %d / %d MB", used >> 20, rt.maxMemory() >> 20));
    }
}
