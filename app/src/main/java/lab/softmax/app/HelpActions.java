package lab.softmax.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import lab.softmax.engine.kernels.VectorSupport;
import lab.softmax.views.common.LabModule;

/** Help: keyboard shortcuts, each lab's doc page (docs/labs/&lt;id&gt;.md) read in the app, About. */
final class HelpActions {
    /** The shortcuts of the menus, as the Help window lists them. */
    static final String SHORTCUTS = """
            # Keyboard shortcuts
            | Keys | Action |
            |---|---|
            | Ctrl+O | Open a scenario |
            | Ctrl+S / Ctrl+Shift+S | Save / Save as |
            | Ctrl+E | Export the view as PNG |
            | Ctrl+Shift+E | Export the charts as SVG |
            | Ctrl+Alt+E | Export a figure for slides: chosen charts, size, pixel scale, light or dark |
            | Ctrl+Shift+C | Export the plotted data as CSV |
            | Ctrl+L | Open a lesson |
            | Alt+Right / Alt+Left | Next / previous lesson step |
            | Ctrl+Shift+A | Add this view as a lesson step |
            | F5 | Presentation mode on / off (full screen, larger text; Escape also leaves it) |
            | Escape | Leave presentation mode, else the lesson |
            | F1 | This list |
            | Ctrl+Q | Quit |

            In a lab: drag the bars of a bar chart to edit the values; the mouse wheel zooms a chart, dragging with
            Ctrl pans it.
            """;

    private final MainWindow window;

    HelpActions(MainWindow window) { this.window = window; }

    void shortcuts() { showMarkdown("Keyboard shortcuts", SHORTCUTS); }

    /** The lab's page of docs/labs, rendered as text (no browser engine needed). */
    void labDoc(LabModule lab) {
        Path file = docFile(lab.id());
        try {
            showMarkdown(lab.title() + " — documentation", Files.readString(file));
        } catch (IOException e) {
            ErrorDialog.showProblem(owner(), "The documentation page cannot be read.", file + ": " + e.getMessage());
        }
    }

    /** docs/labs/&lt;id&gt;.md beside the sample-data folder. */
    static Path docFile(String labId) {
        Path root = SampleData.directory().toAbsolutePath().getParent();
        return (root == null ? Path.of("docs") : root.resolve("docs")).resolve("labs").resolve(labId + ".md");
    }

    void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner());
        a.setTitle("About Softmax Lab");
        a.setHeaderText("Softmax Lab 0.1.0");
        a.setContentText(aboutText());
        a.show();
    }

    static String aboutText() {
        return "See how softmax and attention behave, computed for real.\n\n"
                + "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "Vector API: " + VectorSupport.describe();
    }

    private void showMarkdown(String title, String markdown) {
        VBox body = MarkdownView.render(markdown, 760);
        body.setStyle("-fx-padding: 16");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        Stage stage = new Stage();
        stage.initOwner(owner());
        stage.setTitle(title);
        Scene scene = new Scene(scroll, 820, 640);
        if (window.getScene() != null) scene.getStylesheets().setAll(window.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    private Window owner() { return window.getScene() == null ? null : window.getScene().getWindow(); }
}
