package lab.softmax.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** Shows a problem: the message, and for unexpected errors an expandable stack trace. */
public final class ErrorDialog {
    private ErrorDialog() { }

    /** For bad input: just the message (it names the file and field). */
    public static void showProblem(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Softmax Lab");
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.show();
    }

    /** For bugs: never a dead window, always the message and the trace. */
    public static void showUnexpected(Window owner, Throwable error) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> showUnexpected(owner, error));
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Softmax Lab: unexpected error");
        alert.setHeaderText("Something went wrong. The app keeps running; your work is unchanged.");
        alert.setContentText(String.valueOf(error.getMessage() != null ? error.getMessage() : error));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea area = new TextArea(trace.toString());
        area.setEditable(false);
        area.setWrapText(false);
        area.setMaxWidth(Double.MAX_VALUE);
        area.setMaxHeight(Double.MAX_VALUE);
        GridPane.setVgrow(area, Priority.ALWAYS);
        GridPane.setHgrow(area, Priority.ALWAYS);
        GridPane content = new GridPane();
        content.add(new Label("Stack trace (please include it in a bug report):"), 0, 0);
        content.add(area, 0, 1);
        alert.getDialogPane().setExpandableContent(content);
        alert.show();
    }
}
