package lab.softmax.views.collapse;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import lab.softmax.engine.collapse.EpochMetrics;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Widths;
import org.jfree.chart.JFreeChart;

/**
 * The Collapse lab: run settings and the run list on the left, six live curves in the middle, and on
 * the right three tabs about one inspected training sample: "Why?" (its exp terms), StableMax vs
 * softmax on its logits, and the ⊥Grad projection of the run's gradient.
 */
public final class CollapseView extends BorderPane {
    private final CollapseViewModel model;
    private final MetricCharts metricCharts = new MetricCharts();
    private final AnatomyPanel anatomyPanel = new AnatomyPanel();
    private final StableMaxPanel normaliserPanel;
    private final ProjectionPanel projectionPanel;
    private final TabPane inspector = new TabPane();
    private final ConfigForm form = new ConfigForm();
    private final TextField label = new TextField();
    private final Button add = new Button("Add run");
    private final Button addStart = new Button("Add and start");
    private final ListView<RunEntry> runList = new ListView<>();
    private final Button startPause = new Button("Start");
    private final Button remove = new Button("Remove");
    private final CheckBox logAxis = new CheckBox("log epoch axis");
    private final Spinner<Integer> sample = new Spinner<>(0, 1_000_000, 0);
    private final Button inspect = new Button("Why?");
    private final Label error = new Label();

    public CollapseView(CollapseViewModel model) {
        this.model = model;
        this.normaliserPanel = new StableMaxPanel(model.comparison());
        this.projectionPanel = new ProjectionPanel(model.projection());
        createView();
        initListeners();
    }

    List<JFreeChart> charts() {
        List<JFreeChart> all = new java.util.ArrayList<>(metricCharts.charts());
        all.add(anatomyPanel.chart());
        all.add(normaliserPanel.chart());
        return all;
    }

    /** The right-hand tabs, in order: "Why?", StableMax vs softmax, ⊥Grad. */
    public static final List<String> TABS = List.of("why", "stablemax", "orthograd");

    /** The id (one of {@link #TABS}) of the right-hand tab in front. */
    String inspectorTab() { return TABS.get(Math.max(0, inspector.getSelectionModel().getSelectedIndex())); }

    void showInspectorTab(String id) {
        int i = TABS.indexOf(id);
        if (i < 0) throw new IllegalArgumentException("tab '" + id + "' is not one of " + TABS);
        inspector.getSelectionModel().select(i);
    }

    StableMaxPanel normaliserPanel() { return normaliserPanel; }

    ProjectionPanel projectionPanel() { return projectionPanel; }

    private void createView() {
        getStyleClass().add("lab-page");
        label.setPromptText("label (optional)");
        runList.setPrefHeight(150);
        runList.setCellFactory(v -> new RunCell());
        error.setWrapText(true);
        error.getStyleClass().add("error-label");
        sample.setEditable(true);
        // stable ids: lessons unlock controls by them
        form.setId("run-settings");
        label.setId("run-label");
        add.setId("add-run");
        addStart.setId("add-and-start");
        runList.setId("runs");
        startPause.setId("start-pause");
        remove.setId("remove-run");
        logAxis.setId("log-epoch-axis");
        sample.setId("sample");
        inspect.setId("why");
        normaliserPanel.setId("stablemax-panel");
        projectionPanel.setId("orthograd-panel");
        Widths.pref(sample, 100);
        HBox addButtons = new HBox(6, add, addStart);
        HBox runButtons = new HBox(6, startPause, remove);
        VBox left = new VBox(6, new Label("Next run"), form, label, addButtons, new Separator(), new Label("Runs (overlaid)"),
                runList, runButtons, logAxis, error);
        left.setPadding(new Insets(10));
        Widths.pref(left, 300);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        setLeft(leftScroll);

        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        List<JFreeChart> charts = metricCharts.charts();
        for (int i = 0; i < charts.size(); i++) {
            var viewer = Charts.viewer(charts.get(i));
            viewer.setPrefSize(420, 260);
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
            grid.add(viewer, i % 2, i / 2);
        }
        setCenter(grid);

        HBox inspectRow = new HBox(6, new Label("training sample"), sample, inspect);
        inspectRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        inspector.getTabs().addAll(tab("Why?", anatomyPanel), tab("StableMax vs softmax", normaliserPanel),
                tab("⊥Grad", projectionPanel));
        VBox.setVgrow(inspector, Priority.ALWAYS);
        VBox right = new VBox(6, new Label("Inspect a training sample of the selected run"), inspectRow, inspector);
        right.setPadding(new Insets(10));
        Widths.pref(right, 440);
        setRight(right);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        Tab t = new Tab(title, scroll);
        t.setClosable(false);
        return t;
    }

    private void initListeners() {
        runList.setItems(model.runs());
        form.show(model.draftProperty().get());
        model.draftProperty().addListener((o, a, c) -> form.show(c));
        add.setOnAction(e -> addRun(false));
        addStart.setOnAction(e -> addRun(true));
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) model.selectedProperty().set(r);
            refreshButtons();
        });
        model.selectedProperty().addListener((o, a, r) -> runList.getSelectionModel().select(r));
        runList.getSelectionModel().select(model.selectedProperty().get());
        startPause.setOnAction(e -> {
            RunEntry r = model.selectedProperty().get();
            if (r == null) return;
            if (r.status() == RunEntry.Status.RUNNING) model.pause(r); else model.start(r);
        });
        remove.setOnAction(e -> {
            RunEntry r = model.selectedProperty().get();
            if (r != null) model.remove(r);
        });
        logAxis.selectedProperty().bindBidirectional(model.logEpochAxisProperty());
        model.logEpochAxisProperty().addListener((o, a, on) -> {
            metricCharts.setLogEpochAxis(on);
            metricCharts.update(model.runs());
        });
        metricCharts.setLogEpochAxis(model.logEpochAxisProperty().get());
        model.revisionProperty().addListener((o, a, b) -> {
            metricCharts.update(model.runs());
            runList.refresh();
            refreshButtons();
        });
        sample.getValueFactory().valueProperty().addListener((o, a, v) -> model.inspectedSampleProperty().set(v));
        model.inspectedSampleProperty().addListener((o, a, v) -> sample.getValueFactory().setValue(v.intValue()));
        sample.getValueFactory().setValue(model.inspectedSampleProperty().get());
        inspect.setOnAction(e -> model.inspect());
        model.anatomyProperty().addListener((o, a, an) -> anatomyPanel.show(an));
        error.textProperty().bind(model.errorProperty());
        metricCharts.update(model.runs());
        refreshButtons();
    }

    private void addRun(boolean start) {
        try {
            model.draftProperty().set(form.read());
        } catch (IllegalArgumentException ex) {
            error.textProperty().unbind();
            error.setText(ex.getMessage());
            error.textProperty().bind(model.errorProperty());
            return;
        }
        RunEntry r = model.addRun(label.getText());
        label.clear();
        if (start) model.start(r);
    }

    private void refreshButtons() {
        RunEntry r = model.selectedProperty().get();
        startPause.setDisable(r == null || !r.startable());
        remove.setDisable(r == null || r.inspecting());
        inspect.setDisable(r == null || !r.inspectable());
        if (r == null) return;
        startPause.setText(switch (r.status()) {
            case RUNNING -> "Pause";
            case PAUSED -> "Resume";
            case READY -> "Start";
            case RECORDED, DONE -> "Train again";
        });
    }

    /** A run: its colour, label, status and latest test accuracy / SC. */
    private final class RunCell extends ListCell<RunEntry> {
        @Override
        protected void updateItem(RunEntry r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            java.awt.Color c = MetricCharts.colour(model.runs().indexOf(r));
            setGraphic(new Rectangle(10, 10, Color.rgb(c.getRed(), c.getGreen(), c.getBlue())));
            String last = "";
            if (!r.metrics().isEmpty()) {
                EpochMetrics m = r.metrics().getLast();
                last = String.format(Locale.ROOT, " · epoch %d, test %.1f%%, SC %.0f%%", m.epoch(), 100 * m.testAcc(), 100 * m.scFraction());
            }
            setText(r.label() + " [" + r.status().name().toLowerCase(Locale.ROOT) + "]" + last);
        }
    }
}
