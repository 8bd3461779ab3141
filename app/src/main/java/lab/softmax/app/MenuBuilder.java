package lab.softmax.app;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import lab.softmax.app.lesson.ShippedLessons;
import lab.softmax.views.common.LabModule;

/** The menu bar: File (scenarios, samples, recent), Export, View (theme, presentation mode), Lesson, Help. */
final class MenuBuilder {
    private final MainWindow window;
    private final ScenarioActions scenarios;
    private final ExportActions export;
    private final LessonActions lessons;
    private final HelpActions help;

    MenuBuilder(MainWindow window, ScenarioActions scenarios, ExportActions export, LessonActions lessons) {
        this.window = window;
        this.scenarios = scenarios;
        this.export = export;
        this.lessons = lessons;
        this.help = new HelpActions(window);
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
                whenLabShown(item("Save", "Shortcut+S", scenarios::save)),
                whenLabShown(item("Save As…", "Shortcut+Shift+S", scenarios::saveAs)),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", Platform::exit));
        Menu exportMenu = new Menu("Export");
        exportMenu.getItems().addAll(
                whenLabShown(item("View as PNG…", "Shortcut+E", export::png)),
                whenLabShown(item("Charts as SVG…", "Shortcut+Shift+E", export::svg)),
                whenLabShown(item("Figure for slides (size, scale, look)…", "Shortcut+Alt+E", export::figure)),
                whenLabShown(item("Plotted data as CSV…", "Shortcut+Shift+C", export::csv)));
        return new MenuBar(file, exportMenu, viewMenu(), lessonMenu(), helpMenu());
    }

    /** Theme (remembered) and presentation mode (F5; Esc or F5 leaves). */
    private Menu viewMenu() {
        Appearance appearance = window.appearance();
        ToggleGroup themes = new ToggleGroup();
        Menu theme = new Menu("Theme");
        for (Appearance.Theme t : Appearance.Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t == Appearance.Theme.DARK ? "Dark" : "Light");
            item.setId("theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(themes);
            item.setSelected(appearance.themeProperty().get() == t);
            item.setOnAction(e -> appearance.themeProperty().set(t));
            theme.getItems().add(item);
        }
        appearance.themeProperty().addListener((o, a, t) -> themes.getToggles().forEach(
                m -> m.setSelected(((RadioMenuItem) m).getId().equals("theme-" + t.name().toLowerCase(java.util.Locale.ROOT)))));
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
        presentation.setId("presentation-mode");
        presentation.setAccelerator(KeyCombination.keyCombination("F5"));
        presentation.selectedProperty().bindBidirectional(appearance.presentationProperty());
        Menu menu = new Menu("View");
        menu.getItems().addAll(theme, presentation);
        return menu;
    }

    /** Items that act on the lab shown are off while the start page is. */
    private MenuItem whenLabShown(MenuItem item) {
        item.disableProperty().bind(Bindings.isNull(window.navigation().getSelectionModel().selectedItemProperty()));
        return item;
    }

    private Menu lessonMenu() {
        Menu shipped = new Menu("Shipped lessons");
        shipped.setOnShowing(e -> {
            shipped.getItems().clear();
            for (var p : ShippedLessons.files()) shipped.getItems().add(item(p.getFileName().toString(), null, () -> lessons.open(p)));
            if (shipped.getItems().isEmpty()) {
                MenuItem none = new MenuItem("no lessons in " + ShippedLessons.directory());
                none.setDisable(true);
                shipped.getItems().add(none);
            }
        });
        shipped.getItems().add(new MenuItem("…"));
        ObservableBooleanValue inLesson = window.lessonMode().activeProperty();
        MenuItem next = item("Next step", "Alt+Right", () -> window.lessonMode().show(window.lessonMode().index() + 1));
        MenuItem back = item("Previous step", "Alt+Left", () -> window.lessonMode().show(window.lessonMode().index() - 1));
        MenuItem edit = item("Edit this step…", null, lessons::editCurrent);
        MenuItem leave = item("Leave the lesson", "Esc", window.lessonMode()::leave);
        for (MenuItem m : java.util.List.of(next, back, edit, leave)) m.disableProperty().bind(Bindings.not(inLesson));
        Menu menu = new Menu("Lesson");
        menu.getItems().addAll(item("Open lesson…", "Shortcut+L", lessons::open), shipped, new SeparatorMenuItem(),
                next, back, leave, new SeparatorMenuItem(),
                whenLabShown(item("Add this view as a step…", "Shortcut+Shift+A", lessons::addCurrentView)), edit,
                item("Save lesson as…", null, lessons::saveAs));
        return menu;
    }

    private Menu helpMenu() {
        Menu docs = new Menu("Lab documentation");
        for (LabModule lab : window.labs()) docs.getItems().add(item(lab.title(), null, () -> help.labDoc(lab)));
        Menu menu = new Menu("Help");
        menu.getItems().addAll(item("Keyboard shortcuts", "F1", help::shortcuts), docs, new SeparatorMenuItem(),
                item("About Softmax Lab", null, help::about));
        return menu;
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

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }
}
