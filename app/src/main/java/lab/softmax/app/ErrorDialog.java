package lab.softmax.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * Shows a problem, split as the command line splits it: bad input (an InputException: the file, field and
 * value) gets its message; anything else is a bug and gets the message, the crash log it was written to
 * ({@link CrashLog}) and an expandable stack trace.
 */
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

    /** For bugs: never a dead window, always the message, the crash log and the trace. */
    public static void showUnexpected(Window owner, Throwable error) {
        Path log = CrashLog.write(error, "the app");   // written where it happened, before anything else can fail
        if (Platform.isFxApplicationThread()) show(owner, error, log);
        else Platform.runLater(() -> show(owner, error, log));
    }

    private static void show(Window owner, Throwable error, Path log) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle("Softmax Lab: unexpected error");
        alert.setHeaderText("Something went wrong (a bug). The app keeps running; your work is unchanged.");
        alert.setContentText(String.valueOf(error.getMessage() != null ? error.getMessage() : error)
                + (log == null ? "" : "\n\nThe details are in " + log + "; please attach that file to a bug report."));
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
