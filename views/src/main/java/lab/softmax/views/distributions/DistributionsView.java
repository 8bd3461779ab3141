package lab.softmax.views.distributions;

import static lab.softmax.views.common.Labels.heading;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.DraggableBarChart;
import lab.softmax.views.common.ThrottledUpdater;
import lab.softmax.views.common.Widths;
import org.jfree.chart.fx.ChartViewer;

/** The Distributions lab: controls on the left, logits and probabilities in the middle, read-outs below. */
public final class DistributionsView extends BorderPane {
    private final DistributionsViewModel model;
    private final Supplier<List<Path>> presets;

    private final DraggableBarChart logitsChart = new DraggableBarChart("Logits z", "logit", new java.awt.Color(0x56B4E9));
    private final ProbabilityChart probabilityChart = new ProbabilityChart();
    private final DistributionsResultsTable results = new DistributionsResultsTable();
    private final LogitsEditor editor;
    private final Slider temperature = new Slider(-2, 2, 0);
    private final Label temperatureLabel = new Label();
    private final Map<Precision, ToggleButton> precisionButtons = new EnumMap<>(Precision.class);
    private final ToggleGroup precisionGroup = new ToggleGroup();
    private final Map<NormalizerKind, CheckBox> normalizerBoxes = new EnumMap<>(NormalizerKind.class);
    private final CheckBox maxShift = new CheckBox("subtract the max before exp");
    private final CheckBox logScale = new CheckBox("log probability axis");
    private final Spinner<Integer> topK = new Spinner<>(1, 1000, 3);
    private final ComboBox<Path> presetBox = new ComboBox<>();
    private final Label error = new Label();
    private final Label precisionNote = new Label();
    private boolean syncingSlider;

    public DistributionsView(DistributionsViewModel model, Supplier<List<Path>> presets) {
        this.model = model;
        this.presets = presets;
        this.editor = new LogitsEditor(model);
        createView();
        initListeners();
    }

    ProbabilityChart probabilityChart() { return probabilityChart; }

    DraggableBarChart logitsChart() { return logitsChart; }

    Slider temperatureSlider() { return temperature; }

    private void createView() {
        getStyleClass().add("lab-page");
        VBox controls = new VBox(8);
        controls.setPadding(new Insets(10));
        Widths.pref(controls, 290);

        Button paste = new Button("Paste");
        paste.setTooltip(new Tooltip("Paste numbers (comma, space or newline separated) or JSON from the clipboard"));
        paste.setOnAction(e -> pasteFromClipboard());
        Button load = new Button("Load file…");
        load.setTooltip(new Tooltip("JSON {\"logits\":[...]}, CSV/TXT of numbers, or NumPy .npy (float32/float64)"));
        load.setOnAction(e -> chooseFile());
        Button type = new Button("Type…");
        type.setOnAction(e -> typeLogits());
        presetBox.setPromptText("Preset logits");
        presetBox.setMaxWidth(Double.MAX_VALUE);
        presetBox.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Path p) { return p == null ? "" : p.getFileName().toString().replace(".json", ""); }
            @Override public Path fromString(String s) { return null; }
        });
        presetBox.setOnShowing(e -> presetBox.getItems().setAll(presets.get()));
        presetBox.setOnAction(e -> {
            if (presetBox.getValue() != null) model.loadLogits(presetBox.getValue());
        });

        VBox normalizers = new VBox(4);
        for (NormalizerKind k : NormalizerKind.values()) {
            CheckBox box = new CheckBox(k.label());
            normalizerBoxes.put(k, box);
            normalizers.getChildren().add(box);
        }

        HBox precisions = new HBox(0);
        for (Precision p : Precision.values()) {
            ToggleButton b = new ToggleButton(p.id());
            b.setToggleGroup(precisionGroup);
            b.setUserData(p);
            b.setTooltip(new Tooltip(precisionTip(p)));
            precisionButtons.put(p, b);
            precisions.getChildren().add(b);
        }
        temperature.setShowTickMarks(true);
        temperature.setMajorTickUnit(1);
        temperature.setMinorTickCount(4);
        temperature.setTooltip(new Tooltip("log scale: 0.01 … 100"));
        temperatureLabel.getStyleClass().add("value-label");
        precisionNote.setWrapText(true);
        precisionNote.getStyleClass().add("note");
        error.setWrapText(true);
        error.getStyleClass().add("error-label");
        topK.setEditable(true);
        Widths.pref(topK, 90);

        HBox logitSources = new HBox(6, paste, load, type);
        // stable ids: lessons unlock controls by them
        logitSources.setId("logit-sources");
        presetBox.setId("logit-presets");
        editor.setId("logit-table");
        logitsChart.setId("logit-bars");
        normalizers.setId("normalizers");
        precisions.setId("precision");
        temperature.setId("temperature");
        maxShift.setId("subtract-max");
        topK.setId("top-k");
        logScale.setId("log-scale");
        controls.getChildren().addAll(
                heading("Logits"), logitSources, presetBox, editor,
                new Separator(), heading("Normalisers"), normalizers,
                new Separator(), heading("Temperature"), temperatureLabel, temperature,
                new Separator(), heading("Precision"), precisions, precisionNote, maxShift,
                new Separator(), heading("Read-outs"), new HBox(6, new Label("top-k mass, k ="), topK), logScale,
                error);
        VBox.setVgrow(editor, Priority.SOMETIMES);
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 310);
        setLeft(scroller);

        ChartViewer probabilities = Charts.viewer(probabilityChart.chart());
        SplitPane center = new SplitPane(logitsChart, probabilities, results);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.36, 0.78);
        setCenter(center);
    }

    private void initListeners() {
        normalizerBoxes.forEach((k, box) -> box.selectedProperty().bindBidirectional(model.enabledProperty(k)));
        maxShift.selectedProperty().bindBidirectional(model.subtractMaxProperty());
        logScale.selectedProperty().bindBidirectional(model.logScaleProperty());
        topK.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.topKProperty().set(b); });
        model.topKProperty().addListener((o, a, b) -> topK.getValueFactory().setValue(b.intValue()));
        topK.getValueFactory().setValue(model.topKProperty().get());

        temperature.valueProperty().addListener((o, a, b) -> {
            if (syncingSlider) return;
            // Snap to three significant digits so the label and the saved scenario agree.
            double t = Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue())));
            model.temperatureProperty().set(t);
        });
        model.temperatureProperty().addListener((o, a, b) -> syncTemperature());
        syncTemperature();

        precisionGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                precisionButtons.get(model.precisionProperty().get()).setSelected(true);
            } else {
                model.precisionProperty().set((Precision) b.getUserData());
            }
        });
        model.precisionProperty().addListener((o, a, b) -> syncPrecision());
        syncPrecision();

        logitsChart.onEdit(model::setLogit);
        model.logitsProperty().addListener((o, a, b) -> editor.show(b));
        editor.show(model.logitsProperty().get());
        // Dragging a bar recomputes per mouse event; repaint at most ~30 times a second.
        ThrottledUpdater<Object> repaint = new ThrottledUpdater<>(javafx.application.Platform::runLater, batch -> redraw());
        model.plotProperty().addListener((o, a, b) -> repaint.offer(b));
        model.logScaleProperty().addListener((o, a, b) -> repaint.offer(b));
        model.summariesProperty().addListener((o, a, b) -> results.show(b));
        model.errorProperty().addListener((o, a, b) -> error.setText(b));
        redraw();
    }

    private void redraw() {
        PlotData plot = model.plotProperty().get();
        if (plot == null) return;
        if (plot.byIndex()) {
            logitsChart.showBars(plot.logitY());
        } else {
            logitsChart.showCurve(plot.logitX(), plot.logitY(), "rank (sorted descending)",
                    "Logits z, sorted (" + plot.logitX().length + " ranks shown)");
        }
        probabilityChart.show(plot, model.logScaleProperty().get(), model.precisionProperty().get() != Precision.FP64);
        results.show(model.summariesProperty().get());
    }

    private void syncTemperature() {
        double t = model.temperatureProperty().get();
        temperatureLabel.setText(String.format(Locale.ROOT, "T = %.3g  (logits divided by T)", t));
        syncingSlider = true;
        try {
            temperature.setValue(Math.log10(t));
        } finally {
            syncingSlider = false;
        }
    }

    private void syncPrecision() {
        Precision p = model.precisionProperty().get();
        precisionButtons.get(p).setSelected(true);
        double gap = -Math.log(p.unitRoundoff());
        precisionNote.setText(String.format(Locale.ROOT,
                "Every result rounded to %s (nearest, ties to even). Sum 1 + e^-gap absorbs the term when the top-2 gap > %.1f; "
                        + "exp underflows to 0 past a gap of %.1f.", p.id(), gap, -Math.log(p.minSubnormal())));
    }

    private static String precisionTip(Precision p) {
        return String.format(Locale.ROOT, "%s: %d significand bits, max %.4g, unit roundoff %.3g",
                p.id(), p.significandBits(), p.maxFinite(), p.unitRoundoff());
    }

    private void pasteFromClipboard() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text == null || text.isBlank()) {
            model.reportError("the clipboard holds no text to paste");
            return;
        }
        model.pasteLogits(text);
    }

    private void typeLogits() {
        TextArea area = new TextArea(joined(model.logitsProperty().get()));
        area.setWrapText(true);
        area.setPrefRowCount(6);
        javafx.scene.control.Dialog<String> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Logits");
        dialog.setHeaderText("Numbers separated by commas, spaces or new lines; -Infinity masks an entry.");
        dialog.getDialogPane().setContent(area);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK ? area.getText() : null);
        if (getScene() != null) dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(model::pasteLogits);
    }

    private static String joined(double[] v) {
        if (v.length > 1000) return "";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(", ");
            b.append(v[i]);
        }
        return b.toString();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load logits");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Logits (JSON, CSV, TXT, NumPy)", "*.json", "*.csv", "*.txt", "*.npy"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        var file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) model.loadLogits(file.toPath());
    }
}
