package lab.softmax.app;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import lab.softmax.app.RecoveryStore.Recovered;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Scenario;

/** At start, after a crash: "restore the unsaved work of these labs?"; either way the old recovery files go. */
final class RecoveryPrompt {
    static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneId.systemDefault());

    private RecoveryPrompt() { }

    static void offer(Window owner, MainWindow window, List<Recovered> found) {
        Map<String, Recovered> newest = newestPerLab(found);
        Map<String, String> titles = window.labs().stream().collect(Collectors.toMap(l -> l.id(), l -> l.title()));
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text(newest, titles), RESTORE, DISCARD);
        alert.initOwner(owner);
        alert.setTitle("Softmax Lab: recover unsaved work");
        alert.setHeaderText("Softmax Lab did not close properly last time.");
        alert.getDialogPane().setId("recovery-prompt");
        boolean restore = alert.showAndWait().filter(b -> b == RESTORE).isPresent();
        if (restore) {
            restore(window, newest);   // reads in the background; the files go once they are read
        } else {
            RecoveryStore.discardOrphans(RecoveryStore.root());
        }
    }

    /** The newest kept state of each lab, oldest lab first (so the lab worked in last ends up shown). */
    static Map<String, Recovered> newestPerLab(List<Recovered> found) {
        Map<String, Recovered> newest = new LinkedHashMap<>();
        found.stream().sorted((a, b) -> a.saved().compareTo(b.saved())).forEach(r -> newest.put(r.lab(), r));
        return newest;
    }

    static String text(Map<String, Recovered> newest, Map<String, String> labTitles) {
        return "Its unsaved work was kept for:\n" + newest.values().stream()
                .map(r -> "  • " + title(r, labTitles) + ", kept " + TIME.format(r.saved())).collect(Collectors.joining("\n"))
                + "\n\nRestore puts it back into those labs; Discard deletes it.";
    }

    private static String title(Recovered r, Map<String, String> labTitles) {
        return labTitles.getOrDefault(r.lab(), r.lab());
    }

    /**
     * Reads the kept states off the FX thread (with progress and Cancel, as any big file) and puts each into its
     * lab, oldest first; then the crashed sessions' files are deleted. A file that cannot be read is skipped.
     */
    static void restore(MainWindow window, Map<String, Recovered> newest) {
        List<Recovered> order = List.copyOf(newest.values());
        var io = ScenarioTypes.io();
        window.tasks().run("Restoring unsaved work", context -> {
            List<Scenario<?>> read = new java.util.ArrayList<>();
            for (Recovered r : order) {
                try {
                    read.add(io.read(r.file(), context.progress(), context.cancellation()));
                } catch (InputException unreadable) {
                    // kept by another version of the app: nothing to restore
                }
            }
            return read;
        }, read -> {
            read.forEach(s -> window.scenarios().restore(s));
            RecoveryStore.discardOrphans(RecoveryStore.root());
        }, error -> ErrorDialog.showUnexpected(null, error));
    }
}
