package lab.softmax.app;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import lab.softmax.engine.kernels.VectorSupport;

/** The menu bar: File (scenarios, samples, recent), Export, Help. */
final class MenuBuilder {
    private final MainWindow window;
    private final ScenarioActions scenarios;
    private final ExportActions export;

    MenuBuilder(MainWindow window, ScenarioActions scenarios, ExportActions export) {
        this.window = window;
        this.scenarios = scenarios;
        this.export = export;
    }

    MenuBar build() {
        Menu samples = new Menu("Open sample");
        samples.setOnShowing(e -> fillSamples(samples));
        samples.getItems().add(new MenuItem("…"));
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> fillRecent(recent));
        recent.getItems().add(new MenuItem("…"));

        Menu file = new Menu("File");
        file.getItems().addAll(
                item("Open…", "Shortcut+O", scenarios::open),
                samples, recent,
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", scenarios::save),
                item("Save As…", "Shortcut+Shift+S", scenarios::saveAs),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", Platform::exit));
        Menu exportMenu = new Menu("Export");
        exportMenu.getItems().addAll(
                item("View as PNG…", "Shortcut+E", export::png),
                item("Charts as SVG…", "Shortcut+Shift+E", export::svg),
                item("Plotted data as CSV…", "Shortcut+Shift+C", export::csv));
        Menu help = new Menu("Help");
        help.getItems().add(item("About Softmax Lab", null, this::about));
        return new MenuBar(file, exportMenu, help);
    }

    private void fillSamples(Menu menu) {
        menu.getItems().clear();
        Path root = SampleData.directory();
        for (Path p : SampleData.scenarioFiles()) {
            menu.getItems().add(item(root.relativize(p).toString(), null, () -> scenarios.open(p)));
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("no samples found in " + root);
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path p : scenarios.recent().list()) {
            menu.getItems().add(item(p.toString(), null, () -> scenarios.open(p)));
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("no recent files");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(window.getScene().getWindow());
        a.setTitle("About Softmax Lab");
        a.setHeaderText("Softmax Lab 0.1.0");
        a.setContentText("See how softmax and attention behave, computed for real.\n" + VectorSupport.describe()
                + "\nJava " + Runtime.version());
        a.show();
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }
}
