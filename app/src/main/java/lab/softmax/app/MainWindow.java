package lab.softmax.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import lab.softmax.app.lesson.LessonIO;
import lab.softmax.app.lesson.LessonMode;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.common.Widths;

/**
 * The main window's content: menus, the start page and the list of labs, the current lab's page (or
 * the start page), the lesson panel while a lesson runs, the status bar.
 */
public final class MainWindow extends BorderPane {
    private final BackgroundTasks tasks;
    private final ListView<LabModule> navigation = new ListView<>();
    private final Map<String, LabPage> pages = new HashMap<>();
    private java.util.function.BiConsumer<String, LabPage> onPageCreated = (id, page) -> { };
    private final ScenarioActions scenarios;
    private final LessonMode lessonMode = new LessonMode(this);
    private final LessonActions lessons;
    private final StartPage startPage;
    private final Appearance appearance;
    private final StatusBar statusBar;
    private final RunFinishedNotices runNotices;

    /** With the user's settings (theme) from {@link Settings#forUser()}. */
    public MainWindow(BackgroundTasks tasks, List<LabModule> labs, RecentFiles recent) {
        this(tasks, labs, recent, new Appearance(Settings.forUser()));
    }

    public MainWindow(BackgroundTasks tasks, List<LabModule> labs, RecentFiles recent, Appearance appearance) {
        this.tasks = tasks;
        this.appearance = appearance;
        this.scenarios = new ScenarioActions(this, ScenarioTypes.io(), recent, tasks);
        this.statusBar = new StatusBar(tasks);
        this.runNotices = new RunFinishedNotices(System::nanoTime, statusBar::announce);
        getStyleClass().add("main-window");
        navigation.getItems().setAll(labs);
        Widths.pref(navigation, 170);
        navigation.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LabModule item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((o, a, lab) -> {
            if (lab != null) setCenter(page(lab).view());
        });
        Label heading = new Label("Labs");
        heading.getStyleClass().add("nav-heading");
        Button start = new Button("⌂ Start page");
        start.setId("nav-start");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setOnAction(e -> showStartPage());
        start.disableProperty().bind(lessonMode.activeProperty());
        VBox left = new VBox(4, start, heading, navigation);
        left.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
        VBox.setVgrow(navigation, javafx.scene.layout.Priority.ALWAYS);
        setLeft(left);
        LessonIO lessonIO = new LessonIO(Labs.REGISTERED, ScenarioTypes.io());
        lessons = new LessonActions(this, lessonMode, lessonIO);
        startPage = new StartPage(labs, tasks, lessonIO, recent, this::show, lessons::open, scenarios::open);
        setTop(new MenuBuilder(this, scenarios, new ExportActions(this), lessons).build());
        setBottom(statusBar);
        showStartPage();
    }

    /** The start page: lab cards, lessons, recent files. No lab is current while it is shown. */
    public void showStartPage() {
        navigation.getSelectionModel().clearSelection();
        startPage.refreshRecent();
        setCenter(startPage);
    }

    public StartPage startPage() { return startPage; }

    public LessonMode lessonMode() { return lessonMode; }

    /** Theme and presentation mode. */
    public Appearance appearance() { return appearance; }

    /** The lab shown now, or null while the start page is shown. */
    public LabModule currentLab() { return navigation.getSelectionModel().getSelectedItem(); }

    /** The page shown now, or null while the start page is shown. */
    public LabPage currentPage() { return currentLab() == null ? null : page(currentLab()); }

    /** A lab's page, created on first visit and kept, so switching labs loses nothing. */
    public LabPage page(LabModule lab) {
        LabPage page = pages.get(lab.id());
        if (page == null) {
            page = lab.createPage(tasks);
            pages.put(lab.id(), page);
            runNotices.watch(lab.title(), page.busyProperty());
            onPageCreated.accept(lab.id(), page);
        }
        return page;
    }

    /** Told of every page when it is created (the autosave watches it), and of those that exist already. */
    public void setOnPageCreated(java.util.function.BiConsumer<String, LabPage> listener) {
        onPageCreated = listener;
        pages.forEach(listener);
    }

    public void show(LabModule lab) { navigation.getSelectionModel().select(lab); }

    public ListView<LabModule> navigation() { return navigation; }

    public ScenarioActions scenarios() { return scenarios; }

    /** The app's background tasks (the status bar shows the latest, with Cancel). */
    public BackgroundTasks tasks() { return tasks; }

    public List<LabModule> labs() { return navigation.getItems(); }

    /** Closing: stops every page's work (trainings, benchmarks) and lets saves in progress finish. */
    public void dispose() {
        pages.values().forEach(LabPage::dispose);
        scenarios.close();
    }
}
