package lab.softmax.views.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;

/** A panel's Run and Cancel buttons wired to its background work. */
public final class RunControls {
    private RunControls() { }

    /**
     * Run starts the work and Cancel stops it; Run is disabled while busy and Cancel while idle. Their disable is set
     * from a listener, never bound: a lesson locks controls by disabling them (docs/lessons.md).
     */
    public static void wire(Button run, Button cancel, ObservableBooleanValue busy, Runnable start, Runnable stop) {
        run.setOnAction(e -> start.run());
        cancel.setOnAction(e -> stop.run());
        run.setDisable(busy.get());
        cancel.setDisable(!busy.get());
        busy.addListener((o, was, now) -> {
            run.setDisable(now);
            cancel.setDisable(!now);
        });
    }
}
