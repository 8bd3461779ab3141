package lab.softmax.app.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import lab.softmax.app.MainWindow;
import lab.softmax.engine.io.InputException;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/**
 * Lesson mode: shows one step at a time (its lab, its state, its text in the side panel) with every
 * control the step does not name locked; leaving restores the full app. Also keeps the lesson being
 * written: "Add this view as a step" appends the current lab's state to it, with or without the mode on.
 */
public final class LessonMode {
    private final MainWindow window;
    private final LessonPanel panel = new LessonPanel();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private Lesson lesson;
    private Path file;
    private int index;
    private ControlLock.Handle lock;

    public LessonMode(MainWindow window) {
        this.window = window;
        panel.back.setOnAction(e -> show(index - 1));
        panel.next.setOnAction(e -> {
            if (index + 1 < lesson.steps().size()) show(index + 1); else leave();
        });
        panel.leave.setOnAction(e -> leave());
    }

    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }

    public boolean isActive() { return active.get(); }

    /** The lesson shown or being written, if any. */
    public Optional<Lesson> lesson() { return Optional.ofNullable(lesson); }

    public Optional<Path> file() { return Optional.ofNullable(file); }

    public int index() { return index; }

    /**
     * Starts a lesson at its first step. Every step's controls are checked against the lab's view first;
     * a lesson naming a control the view does not have is refused (InputException naming file, step and id).
     */
    public void start(Lesson newLesson, Path source) {
        checkControls(newLesson, source == null ? "lesson" : source.toString());
        leave();
        lesson = newLesson;
        file = source;
        window.navigation().setDisable(true);   // the lesson decides which lab is shown
        window.setRight(panel);
        active.set(true);
        show(0);
    }

    private void checkControls(Lesson l, String source) {
        for (int i = 0; i < l.steps().size(); i++) {
            LessonStep step = l.steps().get(i);
            LabModule lab = lab(step.lab(), source, i);
            Set<String> unknown = ControlLock.unknown(window.page(lab).view(), step.unlocked());
            if (!unknown.isEmpty()) {
                throw new InputException(source, "step " + (i + 1) + ": unlocked", "no control '" + String.join("', '", unknown)
                        + "' in the " + step.lab() + " lab (its controls: " + String.join(", ", ControlLock.ids(window.page(lab).view())) + ")");
            }
        }
    }

    private LabModule lab(String id, String source, int step) {
        return window.labs().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(() ->
                new InputException(source, "step " + (step + 1) + ": lab", "'" + id + "' is not part of this build"));
    }

    /** Shows step i: its lab with its state, the controls it names free, the rest locked. */
    public void show(int i) {
        if (lesson == null || i < 0 || i >= lesson.steps().size()) return;
        releaseLock();
        index = i;
        LessonStep step = lesson.steps().get(i);
        LabModule lab = lab(step.lab(), "lesson", i);
        window.show(lab);
        LabPage page = window.page(lab);
        page.load(step.scenario());
        lock = ControlLock.lock(page.view(), new HashSet<>(step.unlocked()));
        panel.show(lesson, i);
    }

    /** Leaves lesson mode: every control as the lab wants it, the panel gone, the navigation back. */
    public void leave() {
        releaseLock();
        if (window.getRight() == panel) window.setRight(null);
        window.navigation().setDisable(false);
        active.set(false);
    }

    private void releaseLock() {
        if (lock != null) lock.release();
        lock = null;
    }

    /** The step the current lab's view would make: its whole state inline, no control unlocked yet. */
    public LessonStep stepFromCurrentView() {
        LabPage page = window.currentPage();
        String title = page.scenario().title().isBlank() ? window.currentLab().title() : page.scenario().title();
        return new LessonStep(window.currentLab().id(), title, page.scenario(), null, "", List.of(), "", "");
    }

    /** Adds a step after the one shown (or at the end of the lesson being written, starting one if needed). */
    public void addStep(LessonStep step) {
        if (lesson == null) lesson = new Lesson("New lesson", "", List.of());
        List<LessonStep> steps = new ArrayList<>(lesson.steps());
        int at = isActive() ? index + 1 : steps.size();
        steps.add(at, step);
        lesson = lesson.withSteps(steps);
        if (isActive()) show(at);
    }

    /** Replaces the step shown (its text edited). */
    public void replaceCurrent(LessonStep step) {
        List<LessonStep> steps = new ArrayList<>(lesson.steps());
        steps.set(index, step);
        lesson = lesson.withSteps(steps);
        if (isActive()) show(index);
    }

    public void retitle(String title) {
        if (lesson != null) lesson = lesson.withTitle(title);
    }

    /** After a successful save the lesson belongs to that file. */
    public void savedTo(Path target) { file = target; }

    /** The handle of the current lock (tests look at what it locked). */
    public ControlLock.Handle currentLock() { return lock; }
}
