package lab.softmax.app.cli.lesson;

import java.util.List;
import lab.softmax.app.lesson.Lesson;
import lab.softmax.app.lesson.LessonStep;

/** The Markdown hand-out of a lesson: each step's text under its figure; the answers gathered at the end, so students predict first. */
final class Handout {
    private Handout() { }

    static String markdown(Lesson lesson, List<String> figures) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(lesson.title()).append("\n\n");
        if (!lesson.summary().isEmpty()) b.append(lesson.summary()).append("\n\n");
        int questions = 0;
        for (int i = 0; i < lesson.steps().size(); i++) {
            LessonStep s = lesson.steps().get(i);
            b.append("## Step ").append(i + 1).append(": ").append(s.title()).append("\n\n");
            b.append("![Step ").append(i + 1).append(" in the ").append(s.lab()).append(" lab](").append(figures.get(i)).append(")\n\n");
            b.append(s.text().strip()).append("\n\n");
            if (s.hasQuestion()) {
                questions++;
                b.append("**Predict, then look (question ").append(questions).append("):** ").append(s.question()).append("\n\n");
            }
        }
        if (questions > 0) {
            b.append("## Answers\n\n");
            int q = 0;
            for (LessonStep s : lesson.steps()) {
                if (s.hasQuestion()) b.append(++q).append(". ").append(s.answer()).append("\n");
            }
        }
        b.append("\n*Made with Softmax Lab: `softmax-lab lesson export`.*\n");
        return b.toString();
    }
}
