package lab.softmax.app;

import java.nio.file.Path;
import java.util.Optional;
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
public final class ScenarioActions {
    private final MainWindow window;
    private final ScenarioIO io;
    private final RecentFiles recent;
    private final BackgroundTasks tasks;
    private Path currentFile;

    ScenarioActions(MainWindow window, ScenarioIO io, RecentFiles recent, BackgroundTasks tasks) {
        this.window = window;
        this.io = io;
        this.recent = recent;
        this.tasks = tasks;
    }

    public RecentFiles recent() { return recent; }

    void open() {
        FileChooser chooser = chooser("Open scenario");
        var file = chooser.showOpenDialog(owner());
        if (file != null) open(file.toPath());
    }

    /** Opens a scenario into its lab; returns false (and tells the user) when the file is bad. */
    public boolean open(Path file) {
        Scenario<?> scenario;
        try {
            scenario = io.read(file);
        } catch (InputException e) {
            ErrorDialog.showProblem(owner(), "This scenario cannot be opened; nothing was changed.", e.getMessage());
            return false;
        }
        Optional<LabModule> lab = window.labs().stream().filter(l -> l.opens(scenario.lab())).findFirst();
        if (lab.isEmpty()) {
            ErrorDialog.showProblem(owner(), "This scenario cannot be opened; nothing was changed.",
                    file + ": lab: '" + scenario.lab() + "' is not part of this build");
            return false;
        }
        window.show(lab.get());
        window.page(lab.get()).load(scenario);
        currentFile = file;
        if (!isSample(file)) recent.add(file);
        return true;
    }

    void save() {
        if (currentFile == null || isSample(currentFile)) {
            saveAs();
        } else {
            save(currentFile);
        }
    }

    void saveAs() {
        FileChooser chooser = chooser("Save scenario");
        chooser.setInitialFileName(window.currentLab().id() + ".json");
        var file = chooser.showSaveDialog(owner());
        if (file != null) save(file.toPath());
    }

    /**
     * Writes the current lab's state atomically, off the FX thread (a 10^7-logit state takes seconds
     * to serialise). The state is taken now, so later edits do not leak into the file; the file
     * becomes the current one once it is written. Failure leaves any existing file untouched.
     */
    public RunningTask<Path> save(Path file) {
        Scenario<?> scenario = window.currentPage().scenario();
        return tasks.run("Saving " + file.getFileName(), context -> {
            io.write(file, scenario);
            return file;
        }, written -> {
            currentFile = written;
            recent.add(written);
        }, error -> ErrorDialog.showProblem(owner(), "The scenario was not saved.", file + ": " + error.getMessage()));
    }

    private static boolean isSample(Path file) {
        return file.toAbsolutePath().normalize().startsWith(SampleData.directory().toAbsolutePath().normalize());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Softmax Lab scenario (*.json)", "*.json"));
        if (currentFile != null && currentFile.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(currentFile.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    private Window owner() { return window.getScene() == null ? null : window.getScene().getWindow(); }
}
