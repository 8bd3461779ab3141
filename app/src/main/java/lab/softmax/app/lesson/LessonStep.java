package lab.softmax.app.lesson;

import java.nio.file.Path;
import java.util.List;
import lab.softmax.engine.io.Scenario;

/**
 * One step of a lesson: which lab, its whole state, what the students read, and what they may touch.
 *
 * @param lab          the registered lab's id
 * @param title        a short heading
 * @param scenario     the lab's state for this step (validated like any scenario file)
 * @param scenarioFile where the scenario came from when the lesson names a file, else null (inline);
 *                     kept so that saving the lesson again refers to the same file
 * @param text         Markdown: what to look at and why
 * @param unlocked     ids of the controls left free (see {@link ControlLock}); everything else is locked
 * @param question     "predict, then look": asked before the answer is shown; empty for none
 * @param answer       revealed on demand; empty exactly when the question is
 */
public record LessonStep(String lab, String title, Scenario<?> scenario, Path scenarioFile, String text,
                         List<String> unlocked, String question, String answer) {
    public LessonStep {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        unlocked = List.copyOf(unlocked);
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
    }

    public boolean hasQuestion() { return !question.isEmpty(); }

    public LessonStep withText(String newTitle, String newText) {
        return new LessonStep(lab, newTitle, scenario, scenarioFile, newText, unlocked, question, answer);
    }
}
