package lab.softmax.views.ghosts;

import static lab.softmax.views.common.Labels.heading;

import java.awt.Color;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.softmax.engine.ghosts.GhostsInput;
import lab.softmax.engine.ghosts.GhostsResult;
import lab.softmax.engine.ghosts.LossTaylor;
import lab.softmax.engine.io.InputException;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.DraggableBarChart;
import lab.softmax.views.common.OnePerFrame;
import lab.softmax.views.common.ThrottledUpdater;
import lab.softmax.views.common.Widths;

/**
 * The complex t-plane of F with its zeros and radii, the editable logits and direction, and the
 * loss against its Taylor polynomials on the real line.
 */
public final class GhostsPlaneView extends BorderPane {
    private final GhostsPlaneViewModel model;
    private final DraggableBarChart logitsChart = new DraggableBarChart("Logits z_k", "z", new Color(0x56B4E9));
    private final DraggableBarChart slopesChart = new DraggableBarChart("Direction a_k = ∇z_k·v", "a", new Color(0xE69F00));
    private final PlaneChart plane = new PlaneChart();
    private final TaylorChart taylor = new TaylorChart();
    private final Slider temperature = new Slider(-1, 1, 0);
    private final Label temperatureLabel = new Label();
    private final Spinner<Integer> target = new Spinner<>(0, 10_000, 0);
    private final Spinner<Integer> degree = new Spinner<>(1, LossTaylor.MAX_DEGREE, 16);
    private final CheckBox phase = new CheckBox("phase portrait (arg F as hue)");
    private final GridPane readouts = new GridPane();
    private final java.util.List<Label> readoutValues = new java.util.ArrayList<>();
    private final Label error = new Label();
    private boolean syncing;

    public GhostsPlaneView(GhostsPlaneViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    PlaneChart planeChart() { return plane; }

    TaylorChart taylorChart() { return taylor; }

    DraggableBarChart logitsChart() { return logitsChart; }

    DraggableBarChart slopesChart() { return slopesChart; }

    private void createView() {
        VBox controls = new VBox(8);
        controls.setPadding(new Insets(10));
        Button load = new Button("Load logits + direction…");
        load.setTooltip(new Tooltip("{\"logits\":[...],\"direction\":[...]} (the ghosts command's input; the first sample of a batch)"));
        load.setOnAction(e -> chooseFile());
        temperature.setTooltip(new Tooltip("log scale 0.1 … 10: logits and slopes divided by T, so ρ_a scales by T"));
        temperature.setShowTickMarks(true);
        temperature.setMajorTickUnit(1);
        temperature.setMinorTickCount(4);
        target.setEditable(true);
        // stable ids: lessons unlock controls by them
        load.setId("load-input");
        logitsChart.setId("logit-bars");
        slopesChart.setId("direction-bars");
        temperature.setId("temperature");
        target.setId("target-class");
        degree.setId("taylor-degree");
        phase.setId("phase-portrait");
        degree.setEditable(true);
        error.setWrapText(true);
        error.getStyleClass().add("error-label");
        readouts.setHgap(10);
        readouts.setVgap(3);
        Label note = new Label("Drag the bars. Zeros of F are the branch points of the loss log F: no Taylor model of the "
                + "loss is trusted past the nearest one, |t| = ρ*. None lies inside the strip |Im t| < π/Δa, so ρ* ≥ ρ_a.");
        note.setWrapText(true);
        note.getStyleClass().add("note");
        controls.getChildren().addAll(heading("Input"), load, note,
                new Separator(), heading("Temperature"), temperatureLabel, temperature,
                new Separator(), heading("Loss and Taylor"), new HBox(6, new Label("true class y"), target),
                new HBox(6, new Label("highest degree"), degree), phase,
                new Separator(), heading("Radii"), readouts, error);
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 300);
        setLeft(scroller);

        SplitPane bars = new SplitPane(logitsChart, slopesChart);
        SplitPane lower = new SplitPane(Charts.viewer(plane.chart()), Charts.viewer(taylor.chart()));
        lower.setDividerPositions(0.5);
        SplitPane center = new SplitPane(bars, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.3);
        setCenter(center);
    }

    private void initListeners() {
        logitsChart.onEdit(model::setLogit);
        slopesChart.onEdit(model::setSlope);
        model.logitsProperty().addListener((o, a, b) -> logitsChart.showBars(b));
        model.directionProperty().addListener((o, a, b) -> slopesChart.showBars(b));
        logitsChart.showBars(model.logitsProperty().get());
        slopesChart.showBars(model.directionProperty().get());

        temperature.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            model.temperatureProperty().set(Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue()))));
        });
        model.temperatureProperty().addListener((o, a, b) -> syncTemperature());
        syncTemperature();

        target.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b < model.logitsProperty().get().length) {
                model.targetProperty().set(b);
            } else if (b != null) {
                target.getValueFactory().setValue(model.targetProperty().get());
            }
        });
        model.targetProperty().addListener((o, a, b) -> target.getValueFactory().setValue(b.intValue()));
        target.getValueFactory().setValue(model.targetProperty().get());
        degree.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.degreeProperty().set(b); });
        model.degreeProperty().addListener((o, a, b) -> degree.getValueFactory().setValue(b.intValue()));
        degree.getValueFactory().setValue(model.degreeProperty().get());
        phase.selectedProperty().bindBidirectional(model.phasePortraitProperty());

        // Dragging a bar recomputes per mouse event; repaint at most ~30 times a second, each chart in a frame of its own.
        ThrottledUpdater<Object> repaint = new ThrottledUpdater<>(javafx.application.Platform::runLater, batch -> redraw());
        model.analysisProperty().addListener((o, a, b) -> repaint.offer(b));
        model.phasePortraitProperty().addListener((o, a, b) -> repaint.offer(b));
        model.errorProperty().addListener((o, a, b) -> error.setText(b));
        redraw();
    }

    /**
     * The read-outs at once; the plane (its image and chart) and the Taylor chart each at the next frame free for it,
     * from the analysis of that moment: while a drag outpaces the frames, a chart waiting for its frame is drawn once,
     * with the latest analysis.
     */
    private void redraw() {
        GhostsPlaneViewModel.Analysis now = model.analysisProperty().get();
        if (now == null) return;
        OnePerFrame.run(plane, () -> {
            GhostsPlaneViewModel.Analysis latest = model.analysisProperty().get();
            if (latest != null) plane.show(latest, model.phasePortraitProperty().get());
        });
        OnePerFrame.run(taylor, () -> {
            GhostsPlaneViewModel.Analysis latest = model.analysisProperty().get();
            if (latest != null) taylor.show(latest);
        });
        showReadouts(now.result());
    }

    /** The read-outs' texts; the labels are made once (new labels at every redraw cost a CSS pass each). */
    private void showReadouts(GhostsResult r) {
        String nearest = r.nearestZero() == null ? "none"
                : String.format(Locale.ROOT, "%.5g ± %.5gi", r.nearestZero().re(), r.nearestZero().im());
        String[][] rows = {
                {"Δa = max a − min a", fmt(r.deltaA())},
                {"ρ_a = π/Δa", fmt(r.rhoA())},
                {"ρ* = |nearest zero|", fmt(r.rhoStar())},
                {"ρ*/ρ_a", fmt(r.ratio())},
                {"nearest zero", nearest},
                {"zeros, |t| ≤ 3ρ_a", (2 * r.zeros().stream().filter(z -> z.abs() <= 3 * r.rhoA()).count()) + " (both halves)"},
                {"method", r.method() + (r.searchBoxes() > 0 ? " (" + r.searchBoxes() + " boxes)" : "")},
        };
        if (readoutValues.isEmpty()) {
            for (int i = 0; i < rows.length; i++) {
                Label value = new Label();
                value.getStyleClass().add("value-label");
                readouts.addRow(i, new Label(rows[i][0]), value);
                readoutValues.add(value);
            }
        }
        for (int i = 0; i < rows.length; i++) readoutValues.get(i).setText(rows[i][1]);
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.6g", v);
    }

    private void syncTemperature() {
        double t = model.temperatureProperty().get();
        temperatureLabel.setText(String.format(Locale.ROOT, "T = %.3g", t));
        syncing = true;
        try {
            temperature.setValue(Math.log10(t));
        } finally {
            syncing = false;
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load logits and direction");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        var file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) return;
        try {
            GhostsInput in = GhostsInput.read(file.toPath());
            model.setVectors(in.logits().getFirst(), in.directions().getFirst(), file.toString());
        } catch (InputException e) {
            model.reportError(e.getMessage());
        }
    }
}
