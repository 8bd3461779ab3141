package lab.softmax.app.lesson;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lab.softmax.app.MarkdownView;

/** The lesson's side panel: where we are, the step's text, its question with the answer on demand, Back/Next/Leave. */
final class LessonPanel extends VBox {
    static final double WIDTH = 360;
    private final Label lessonTitle = new Label();
    private final Label progressText = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label stepTitle = new Label();
    private final VBox body = new VBox(10);
    private final Label unlockedNote = new Label();
    final Button back = new Button("◀ Back");
    final Button next = new Button("Next ▶");
    final Button leave = new Button("Leave lesson");

    LessonPanel() {
        getStyleClass().add("lesson-panel");
        setId("lesson-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        lessonTitle.getStyleClass().add("lesson-title");
        lessonTitle.setWrapText(true);
        stepTitle.getStyleClass().add("markdown-h1");
        stepTitle.setWrapText(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        unlockedNote.setWrapText(true);
        unlockedNote.getStyleClass().add("note");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lesson-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        next.setDefaultButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, next, gap, leave);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(lessonTitle, progressText, progress, stepTitle, scroll, unlockedNote, buttons);
    }

    void show(Lesson lesson, int index) {
        LessonStep step = lesson.steps().get(index);
        int n = lesson.steps().size();
        lessonTitle.setText(lesson.title());
        progressText.setText("Step " + (index + 1) + " of " + n);
        progress.setProgress((index + 1) / (double) n);
        stepTitle.setText(step.title());
        double wrap = WIDTH - 50;
        body.getChildren().setAll(MarkdownView.render(step.text(), wrap));
        if (step.hasQuestion()) body.getChildren().add(question(step, wrap));
        unlockedNote.setText(step.unlocked().isEmpty() ? "Every control is locked in this step: look, then go on."
                : "Free in this step (outlined): " + String.join(", ", step.unlocked()) + ". The rest is locked.");
        back.setDisable(index == 0);
        next.setText(index == n - 1 ? "Finish" : "Next ▶");
    }

    /** "Predict, then look": the answer stays hidden until asked for. */
    private static VBox question(LessonStep step, double wrap) {
        Label heading = new Label("Predict, then look");
        heading.getStyleClass().add("markdown-h2");
        VBox answer = MarkdownView.render(step.answer(), wrap);
        answer.setId("lesson-answer");
        answer.setVisible(false);
        answer.setManaged(false);
        Button reveal = new Button("Show the answer");
        reveal.setId("lesson-reveal");
        reveal.setOnAction(e -> {
            answer.setVisible(true);
            answer.setManaged(true);
            reveal.setDisable(true);
        });
        VBox box = new VBox(6, heading, MarkdownView.render(step.question(), wrap), reveal, answer);
        box.getStyleClass().add("lesson-question");
        return box;
    }
}
