package lab.softmax.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.softmax.app.lesson.ControlLock;
import lab.softmax.app.lesson.Lesson;
import lab.softmax.app.lesson.LessonIO;
import lab.softmax.app.lesson.LessonMode;
import lab.softmax.app.lesson.LessonStep;
import lab.softmax.app.lesson.ShippedLessons;
import lab.softmax.engine.io.InputException;
import lab.softmax.views.common.Widths;

/** The Lesson menu: open a lesson, add the current view as a step, edit a step's text, save, leave. */
final class LessonActions {
    private static final String NOT_OPENED = "This lesson cannot be opened; nothing was changed.";
    private final MainWindow window;
    private final LessonMode mode;
    private final LessonIO io;

    LessonActions(MainWindow window, LessonMode mode, LessonIO io) {
        this.window = window;
        this.mode = mode;
        this.io = io;
    }

    LessonMode mode() { return mode; }

    void open() {
        FileChooser chooser = chooser("Open lesson");
        var file = chooser.showOpenDialog(owner());
        if (file != null) open(file.toPath());
    }

    /**
     * Starts a lesson file; a bad file starts nothing and the dialog names the step and field. A big, slow or
     * special file ({@link FileOpening}) is read off the FX thread with progress and Cancel in the status bar.
     */
    boolean open(Path file) {
        if (FileOpening.inBackground(file)) {
            window.tasks().run("Opening " + file.getFileName(), context -> io.read(file, context.progress(), context.cancellation()),
                    lesson -> mode.start(lesson, file), error -> {
                        if (error instanceof InputException) ErrorDialog.showProblem(owner(), NOT_OPENED, error.getMessage());
                        else ErrorDialog.showUnexpected(owner(), error);
                    });
            return true;
        }
        try {
            Lesson lesson = io.read(file);
            mode.start(lesson, file);
            return true;
        } catch (InputException e) {
            ErrorDialog.showProblem(owner(), NOT_OPENED, e.getMessage());
            return false;
        }
    }

    /** Lesson → Add this view as a step: the current lab's whole state, with text and unlocked controls typed in. */
    void addCurrentView() {
        if (window.currentLab() == null) {
            ErrorDialog.showProblem(owner(), "No lab is shown.", "Open a lab, set it up as the students should see it, then add it as a step.");
            return;
        }
        LessonStep draft = mode.stepFromCurrentView();
        edit(draft, "Add this view as a step").ifPresent(mode::addStep);
    }

    /** Lesson → Edit this step: its title, text, unlocked controls, question and answer. */
    void editCurrent() {
        if (!mode.isActive()) return;
        LessonStep current = mode.lesson().orElseThrow().steps().get(mode.index());
        edit(current, "Edit step " + (mode.index() + 1)).ifPresent(mode::replaceCurrent);
    }

    private java.util.Optional<LessonStep> edit(LessonStep step, String title) {
        TextField heading = new TextField(step.title());
        TextArea text = new TextArea(step.text());
        text.setPrefRowCount(10);
        text.setWrapText(true);
        text.setPromptText("Markdown: what to look at and why. **bold**, *italic*, `code`, - lists; formulas in Unicode (σ, Σ, ≤).");
        java.util.Set<String> ids = ControlLock.ids(window.page(window.labs().stream()
                .filter(l -> l.id().equals(step.lab())).findFirst().orElseThrow()).view());
        TextField unlocked = new TextField(String.join(", ", step.unlocked()));
        unlocked.setPromptText("none: every control locked");
        Label available = new Label("Controls of this lab: " + String.join(", ", ids));
        available.setWrapText(true);
        available.getStyleClass().add("note");
        TextField question = new TextField(step.question());
        TextField answer = new TextField(step.answer());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Title"), heading);
        grid.addRow(1, new Label("Text"), text);
        grid.addRow(2, new Label("Unlocked controls"), unlocked);
        grid.add(available, 1, 3);
        grid.addRow(4, new Label("Question (optional)"), question);
        grid.addRow(5, new Label("Answer"), answer);
        GridPane.setHgrow(text, Priority.ALWAYS);
        Widths.max(available, 520);
        Dialog<LessonStep> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.initOwner(owner());
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // Refuse unknown control ids and a question without its answer here, not when the file is read back.
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            List<String> wanted = ids(unlocked.getText());
            List<String> unknown = wanted.stream().filter(id -> !ids.contains(id)).toList();
            String problem = !unknown.isEmpty() ? "Unknown control: " + String.join(", ", unknown)
                    : heading.getText().isBlank() ? "The step needs a title."
                    : question.getText().isBlank() != answer.getText().isBlank() ? "A question needs its answer (and an answer its question)."
                    : null;
            if (problem != null) {
                available.setText(problem + "\nControls of this lab: " + String.join(", ", ids));
                available.getStyleClass().add("error-label");
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b != ButtonType.OK ? null : new LessonStep(step.lab(), heading.getText().strip(),
                step.scenario(), step.scenarioFile(), text.getText(), ids(unlocked.getText()),
                question.getText().strip(), answer.getText().strip()));
        return dialog.showAndWait();
    }

    private static List<String> ids(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Lesson → Save lesson as…: atomic, like scenarios (a failed write leaves any old file as it was). */
    void saveAs() {
        Lesson lesson = mode.lesson().orElse(null);
        if (lesson == null || lesson.steps().isEmpty()) {
            ErrorDialog.showProblem(owner(), "There is no lesson to save.", "Add a view as a step first (Lesson → Add this view as a step).");
            return;
        }
        FileChooser chooser = chooser("Save lesson");
        chooser.setInitialFileName(mode.file().map(p -> p.getFileName().toString()).orElse("my-lesson.json"));
        var file = chooser.showSaveDialog(owner());
        if (file == null) return;
        Path target = file.toPath();
        if (target.getFileName().toString().endsWith(".json")) {
            String name = target.getFileName().toString().replace(".json", "").replace('-', ' ');
            if (lesson.title().equals("New lesson")) mode.retitle(name);
        }
        try {
            io.write(target, mode.lesson().orElseThrow());
            mode.savedTo(target);
        } catch (IOException | RuntimeException e) {
            ErrorDialog.showProblem(owner(), "The lesson was not saved.", target + ": " + e.getMessage());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Softmax Lab lesson (*.json)", "*.json"));
        Path dir = mode.file().map(p -> p.toAbsolutePath().getParent()).orElse(ShippedLessons.directory());
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        return chooser;
    }

    private Window owner() { return window.getScene() == null ? null : window.getScene().getWindow(); }
}
