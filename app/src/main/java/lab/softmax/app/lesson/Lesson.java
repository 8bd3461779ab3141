package lab.softmax.app.lesson;

import java.util.List;

/**
 * A lesson: an ordered list of steps a lecturer walks students through. Read and written by
 * {@link LessonIO}; the format is described in docs/lessons.md.
 *
 * @param title   shown on the start page and above the steps
 * @param summary one or two sentences: what the students will find out
 * @param steps   at least one
 */
public record Lesson(String title, String summary, List<LessonStep> steps) {
    public Lesson {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        steps = List.copyOf(steps);
    }

    /** The labs the lesson visits, in the order it first visits them. */
    public List<String> labs() {
        return steps.stream().map(LessonStep::lab).distinct().toList();
    }

    public Lesson withSteps(List<LessonStep> newSteps) { return new Lesson(title, summary, newSteps); }

    public Lesson withTitle(String newTitle) { return new Lesson(newTitle, summary, steps); }
}
