package lab.softmax.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.RunningTask;

/**
 * File → Open / Save / Save As / recent / samples. A file that fails validation opens nothing
 * and says which field is wrong; saving is atomic.
 */
public final class ScenarioActions implements AutoCloseable {
    private static final String NOT_OPENED = "This scenario cannot be opened; nothing was changed.";
    private final MainWindow window;
    private final ScenarioIO io;
    private final RecentFiles recent;
    private final BackgroundTasks tasks;
    /** The file each lab was last opened from or saved to: Save writes a lab's state to its own file only. */
    private final Map<String, Path> currentFiles = new HashMap<>();
    /**
     * Saves run here, one at a time in the order asked (two saves of one file end with the later
     * state), on a non-daemon thread that {@link #close()} lets finish: quitting right after Save
     * must not lose the file. The idle thread ends after a few seconds.
     */
    private final ThreadPoolExecutor saver = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> new Thread(r, "scenario-save"));

    ScenarioActions(MainWindow window, ScenarioIO io, RecentFiles recent, BackgroundTasks tasks) {
        this.window = window;
        this.io = io;
        this.recent = recent;
        this.tasks = tasks;
        saver.allowCoreThreadTimeOut(true);
    }

    public RecentFiles recent() { return recent; }

    void open() {
        FileChooser chooser = chooser("Open scenario");
        var file = chooser.showOpenDialog(owner());
        if (file != null) open(file.toPath());
    }

    /**
     * Opens a scenario into its lab; returns false (and tells the user) when the file is bad. A big, slow or
     * special file ({@link FileOpening}) is read off the FX thread with progress and Cancel in the status bar;
     * then true means "started" and a bad file is reported when the reading ends.
     */
    public boolean open(Path file) {
        if (FileOpening.inBackground(file)) {
            openInBackground(file);
            return true;
        }
        Scenario<?> scenario;
        try {
            scenario = io.read(file);
        } catch (InputException e) {
            ErrorDialog.showProblem(owner(), NOT_OPENED, e.getMessage());
            return false;
        }
        return show(scenario, file);
    }

    /** Reads on a worker; the status bar shows how far it is and cancels it. Nothing changes until it is read. */
    public RunningTask<Scenario<?>> openInBackground(Path file) {
        return tasks.run("Opening " + file.getFileName(), context -> io.read(file, context.progress(), context.cancellation()),
                scenario -> show(scenario, file), error -> {
                    if (error instanceof InputException) ErrorDialog.showProblem(owner(), NOT_OPENED, error.getMessage());
                    else ErrorDialog.showUnexpected(owner(), error);
                });
    }

    /** Puts a read scenario into its lab, which becomes the lab's current file. */
    private boolean show(Scenario<?> scenario, Path file) {
        Optional<LabModule> lab = window.labs().stream().filter(l -> l.opens(scenario.lab())).findFirst();
        if (lab.isEmpty()) {
            ErrorDialog.showProblem(owner(), NOT_OPENED, file + ": lab: '" + scenario.lab() + "' is not part of this build");
            return false;
        }
        window.show(lab.get());
        window.page(lab.get()).load(scenario);
        currentFiles.put(lab.get().id(), file);
        if (!isSample(file)) recent.add(file);
        return true;
    }

    /** Puts a recovered state into its lab (no file: Save asks where). */
    boolean restore(Scenario<?> scenario) {
        Optional<LabModule> lab = window.labs().stream().filter(l -> l.opens(scenario.lab())).findFirst();
        lab.ifPresent(l -> {
            window.show(l);
            window.page(l).load(scenario);
        });
        return lab.isPresent();
    }

    /** Save: to the lab's own file, or Save As when it has none (or it is a shipped sample); null then. */
    RunningTask<Path> save() {
        Path current = currentFiles.get(window.currentLab().id());
        if (current == null || isSample(current)) {
            saveAs();
            return null;
        }
        return save(current);
    }

    void saveAs() {
        FileChooser chooser = chooser("Save scenario");
        chooser.setInitialFileName(window.currentLab().id() + ".json");
        var file = chooser.showSaveDialog(owner());
        if (file != null) save(file.toPath());
    }

    /**
     * Writes the current lab's state atomically, off the FX thread (a 10^7-logit state takes seconds
     * to serialise). The state is taken now, so later edits do not leak into the file, and the file
     * becomes the lab's current one now, so a slow save cannot override a later open. If the write
     * fails, any existing file is untouched, the user is told, and the lab's previous file is restored.
     */
    public RunningTask<Path> save(Path file) {
        String lab = window.currentLab().id();
        Scenario<?> scenario = window.currentPage().scenario();
        Path previous = currentFiles.put(lab, file);
        AtomicBoolean written = new AtomicBoolean();
        return tasks.runOn(saver, "Saving " + file.getFileName(), context -> {
            context.cancellation().throwIfCancelled();   // Cancel counts only before the write starts
            io.write(file, scenario);
            written.set(true);
            return file;
        }, recent::add, error -> notSaved(lab, file, previous, error.getMessage()), () -> {
            if (written.get()) {
                recent.add(file);
            } else {
                notSaved(lab, file, previous, "cancelled before it was written");
            }
        });
    }

    /** Restores the lab's previous file (unless a later open or save replaced it) and tells the user. */
    private void notSaved(String lab, Path file, Path previous, String reason) {
        if (file.equals(currentFiles.get(lab))) {
            if (previous == null) currentFiles.remove(lab); else currentFiles.put(lab, previous);
        }
        ErrorDialog.showProblem(owner(), "The scenario was not saved.", file + ": " + reason);
    }

    /** Lets saves in progress or queued finish (bounded wait); called when the app stops. */
    @Override
    public void close() {
        saver.shutdown();
        try {
            saver.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isSample(Path file) {
        return file.toAbsolutePath().normalize().startsWith(SampleData.directory().toAbsolutePath().normalize());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Softmax Lab scenario (*.json)", "*.json"));
        Path current = currentFiles.get(window.currentLab().id());
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    private Window owner() { return window.getScene() == null ? null : window.getScene().getWindow(); }
}
