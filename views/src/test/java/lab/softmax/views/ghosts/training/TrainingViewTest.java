package lab.softmax.views.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import lab.softmax.engine.ghosts.training.Choices.OptimizerKind;
import lab.softmax.views.common.BackgroundTasks;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training view in a headless window: a short run draws one point per step and policy. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    private TrainingViewModel model;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater);
        model = new TrainingViewModel(tasks, Path.of("unused-for-blobs"));
        view = new TrainingView(model);
        stage.setScene(new Scene(view, 1000, 800));
        stage.show();
    }

    /** A one-step spike and a full batch survive an edit of another control; "to the end" spikes to the last step. */
    @Test
    void spikeLengthAndBatchAreKeptAndChosenInTheControls() throws Exception {
        GhostsTrainingState s = new GhostsTrainingState(GhostsTrainingState.SPIKE_TEST, DatasetKind.DIGITS, ModelKind.MLP_LN, OptimizerKind.ADAM,
                0.015, 10000, 50, 51, List.of(Controller.NONE, Controller.RHO), 1, 200, 0, 0, 600, 1e-2, 0.01, 100, 41);
        GhostsTrainingState edited = WaitForAsyncUtils.asyncFx(() -> {
            model.stateProperty().set(s);
            robotSpinner("seed").getValueFactory().setValue(3);
            return model.stateProperty().get();
        }).get(10, TimeUnit.SECONDS);
        assertEquals(3, edited.seed());
        assertEquals(51, edited.spikeUntil(), "still a one-step spike");
        assertEquals(0, edited.batchSize(), "still the full batch");
        GhostsTrainingState toTheEnd = WaitForAsyncUtils.asyncFx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> length = (javafx.scene.control.ChoiceBox<String>) view.lookup("#spike-length");
            length.setValue("to the end");
            length.fireEvent(new javafx.event.ActionEvent());
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> batch = (javafx.scene.control.ChoiceBox<String>) view.lookup("#batch");
            batch.setValue("64");
            batch.fireEvent(new javafx.event.ActionEvent());
            return model.stateProperty().get();
        }).get(10, TimeUnit.SECONDS);
        assertEquals(200, toTheEnd.spikeUntil());
        assertEquals(64, toTheEnd.batchSize());
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.Spinner<Integer> robotSpinner(String id) {
        return (javafx.scene.control.Spinner<Integer>) view.lookup("#" + id);
    }

    @Test
    void aShortSpikeRunIsDrawnForEachChosenPolicy() throws Exception {
        GhostsTrainingState s = new GhostsTrainingState(GhostsTrainingState.SPIKE_TEST, DatasetKind.BLOBS, ModelKind.LINEAR, OptimizerKind.ADAM,
                1e-2, 1000, 4, 10, List.of(Controller.CLIP, Controller.RHO), 1, 10, 2, 64, 30, 1e-2, 0.1, 10, 5);
        // A wait for the FX thread, not a speed check: on a loaded machine with the coverage agent loading and
        // instrumenting the classes, this first call has taken more than 10 s.
        WaitForAsyncUtils.asyncFx(() -> {
            model.stateProperty().set(s);
            model.run();
        }).get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (WaitForAsyncUtils.asyncFx(() -> model.busyProperty().get()).get()) {
            assertTrue(System.nanoTime() < deadline, "run did not finish");
            Thread.sleep(50);
        }
        WaitForAsyncUtils.waitForFxEvents();
        XYDataset ratio = WaitForAsyncUtils.asyncFx(() -> view.charts().get(2).getXYPlot().getDataset()).get();
        assertEquals(3, view.charts().size());
        assertEquals(0, ratio.getItemCount(0), "plain was not chosen");
        assertEquals(10, ratio.getItemCount(1));
        assertEquals(10, ratio.getItemCount(2));
        for (int i = 0; i < 10; i++) assertTrue(ratio.getYValue(2, i) <= 1 + 1e-12);
    }
}
