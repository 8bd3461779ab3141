package lab.softmax.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** The main window's content: menus, the list of labs, the current lab's page, the status bar. */
public final class MainWindow extends BorderPane {
    private final BackgroundTasks tasks;
    private final ListView<LabModule> navigation = new ListView<>();
    private final Map<String, LabPage> pages = new HashMap<>();
    private final ScenarioActions scenarios;

    public MainWindow(BackgroundTasks tasks, List<LabModule> labs, RecentFiles recent) {
        this.tasks = tasks;
        this.scenarios = new ScenarioActions(this, ScenarioTypes.io(), recent, tasks);
        getStyleClass().add("main-window");
        navigation.getItems().setAll(labs);
        navigation.setPrefWidth(170);
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
        VBox left = new VBox(heading, navigation);
        VBox.setVgrow(navigation, javafx.scene.layout.Priority.ALWAYS);
        setLeft(left);
        setTop(new MenuBuilder(this, scenarios, new ExportActions(this)).build());
        setBottom(new StatusBar(tasks));
        if (!labs.isEmpty()) navigation.getSelectionModel().selectFirst();
    }

    /** The lab shown now. */
    public LabModule currentLab() { return navigation.getSelectionModel().getSelectedItem(); }

    public LabPage currentPage() { return page(currentLab()); }

    /** A lab's page, created on first visit and kept, so switching labs loses nothing. */
    public LabPage page(LabModule lab) {
        return pages.computeIfAbsent(lab.id(), id -> lab.createPage(tasks));
    }

    public void show(LabModule lab) { navigation.getSelectionModel().select(lab); }

    public ListView<LabModule> navigation() { return navigation; }

    public ScenarioActions scenarios() { return scenarios; }

    public List<LabModule> labs() { return navigation.getItems(); }

    /** Closing: stops every page's work (trainings, benchmarks) and lets saves in progress finish. */
    public void dispose() {
        pages.values().forEach(LabPage::dispose);
        scenarios.close();
    }
}
