package lab.softmax.views.attention;

import static lab.softmax.views.common.Labels.heading;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
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
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import lab.softmax.engine.attention.AttentionNormalizer;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.attention.MaskKind;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.ThrottledUpdater;
import lab.softmax.views.common.Widths;

/**
 * The Map tab: controls on the left; the attention map (rows = queries) with each row's H/ln n beside
 * it, and below the hovered row's weights as bars. A map with more entries than pixels is drawn as the
 * max over the entries of each pixel ({@link HeatMap}), and the view says so.
 */
final class MapPanel extends BorderPane {
    /** The charts beside the map redraw at most this often while results stream in. */
    private static final long CHART_PERIOD_MILLIS = 250;

    static final int MIN_LOG2_N = 4;
    static final int MAX_LOG2_N = 12;

    private final AttentionViewModel model;
    private final MapCharts charts = new MapCharts();
    private final HeatMap heatMap;
    private final Label mapTitle = new Label();
    private final Label blockNote = new Label();
    private final Slider temperature = new Slider(Math.log10(AttentionState.MIN_TEMPERATURE), Math.log10(AttentionState.MAX_TEMPERATURE), 0);
    private final Label temperatureLabel = new Label();
    private final Slider slope = new Slider(0, 3, 0);
    private final Label slopeLabel = new Label();
    private final Slider token = new Slider(-3, 3, 0);
    private final Label tokenLabel = new Label();
    private final ComboBox<MaskKind> mask = new ComboBox<>();
    private final Spinner<Integer> validKeys = new Spinner<>(0, AttentionState.MAX_CONTEXT, 64);
    private final ComboBox<AttentionNormalizer> normalizer = new ComboBox<>();
    private final Map<Precision, ToggleButton> precisionButtons = new EnumMap<>(Precision.class);
    private final ToggleGroup precisionGroup = new ToggleGroup();
    private final Spinner<Integer> head = new Spinner<>(0, AttentionState.MAX_HEADS - 1, 0);
    private final Slider context = new Slider(MIN_LOG2_N, MAX_LOG2_N, 6);
    private final Label contextLabel = new Label();
    private final CheckBox logColours = new CheckBox("log colour scale (10⁻⁵ … 1)");
    private final Label source = new Label();
    private final Button generated = new Button("Generated input");
    private final GridPane readouts = new GridPane();
    private final Label[] readoutValues = new Label[6];
    private static final int NAN_ROWS = 4;
    private final Label error = new Label();
    private boolean syncing;

    MapPanel(AttentionViewModel model) {
        this.model = model;
        this.heatMap = new HeatMap(row -> model.hoveredRowProperty().set(row));
        createView();
        initListeners();
    }

    MapCharts charts() { return charts; }

    HeatMap heatMap() { return heatMap; }

    Slider temperatureSlider() { return temperature; }

    Label blockNote() { return blockNote; }

    private void createView() {
        // Stable ids: lessons name the controls they leave free (docs/lessons.md).
        temperature.setId("temperature");
        slope.setId("ssa-slope");
        token.setId("ssa-token");
        mask.setId("mask");
        validKeys.setId("valid-keys");
        normalizer.setId("normalizer");
        head.setId("head");
        context.setId("context");
        logColours.setId("log-colours");
        generated.setId("generated-input");
        VBox controls = new VBox(7);
        controls.setPadding(new Insets(10));
        Button load = new Button("Load Q/K/V…");
        load.setId("load-input");
        load.setTooltip(new Tooltip("JSON {\"q\":[[…]],\"k\":[[…]],\"v\":[[…]]} (optional \"heads\", \"mask\"), "
                + "or tokens {\"x\",\"w_q\",\"w_k\",\"w_v\"}"));
        load.setOnAction(e -> chooseFile());
        generated.setTooltip(new Tooltip("Back to the seeded Gaussian tokens (Q = K = V = X) of length n"));
        generated.setOnAction(e -> model.setInput(null));
        source.setWrapText(true);
        source.getStyleClass().add("note");

        temperature.setShowTickMarks(true);
        temperature.setMajorTickUnit(1);
        temperature.setMinorTickCount(4);
        temperature.setTooltip(new Tooltip("log scale 0.01 … 100: row i is normalised from τ_i·g_i/T"));
        slope.setShowTickMarks(true);
        slope.setMajorTickUnit(1);
        slope.setTooltip(new Tooltip("SSA position term: τ_i = 1 + s·ln(i+1) + tanh(u·q_i); the paper's code starts at s ≈ 0.0113"));
        token.setShowTickMarks(true);
        token.setMajorTickUnit(1);
        token.setTooltip(new Tooltip("SSA token term tanh(u·q_i) with u = scale·(1, …, 1)/√d_h (0: off)"));
        mask.getItems().setAll(MaskKind.FULL, MaskKind.CAUSAL, MaskKind.PADDING);
        mask.setMaxWidth(Double.MAX_VALUE);
        validKeys.setEditable(true);
        Widths.pref(validKeys, 100);
        normalizer.getItems().setAll(AttentionNormalizer.values());
        normalizer.setMaxWidth(Double.MAX_VALUE);
        normalizer.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(AttentionNormalizer n) { return n == null ? "" : n.label(); }
            @Override public AttentionNormalizer fromString(String s) { return AttentionNormalizer.parse(s); }
        });
        HBox precisions = new HBox(0);
        precisions.setId("precision");
        for (Precision p : Precision.values()) {
            ToggleButton b = new ToggleButton(p.id());
            b.setToggleGroup(precisionGroup);
            b.setUserData(p);
            b.setTooltip(new Tooltip(p == Precision.FP32 ? "fp32: softmax rows through the Kernels lab's vector kernel"
                    : p == Precision.FP64 ? "fp64: the reference" : p.id() + ": every operation rounded"));
            precisionButtons.put(p, b);
            precisions.getChildren().add(b);
        }
        head.setEditable(true);
        Widths.pref(head, 80);
        context.setShowTickMarks(true);
        context.setMajorTickUnit(1);
        context.setMinorTickCount(0);
        context.setSnapToTicks(true);
        context.setTooltip(new Tooltip("n = 16 … 4096 tokens of the generated input (queries = keys)"));
        for (Label l : new Label[] {temperatureLabel, slopeLabel, tokenLabel, contextLabel}) l.getStyleClass().add("value-label");
        readouts.setHgap(8);
        readouts.setVgap(2);
        createReadouts();
        error.setWrapText(true);
        error.getStyleClass().add("error-label");
        Label note = new Label("A positive temperature (and SSA's τ_i) multiplies a whole row: the most-attended key "
                + "never changes, only how much weight it gets.");
        note.setWrapText(true);
        note.getStyleClass().add("note");

        controls.getChildren().addAll(
                heading("Input"), new HBox(6, load, generated), source, contextLabel, context,
                new Separator(), heading("Temperature"), temperatureLabel, temperature, note,
                new Separator(), heading("Selective attention (SSA)"), slopeLabel, slope, tokenLabel, token,
                new Separator(), heading("Mask and normaliser"), mask, new HBox(6, new Label("valid keys (padding)"), validKeys),
                normalizer,
                new Separator(), heading("Precision"), precisions,
                new Separator(), heading("Head"), new HBox(6, new Label("head h ="), head),
                new Separator(), heading("Read-outs"), readouts, logColours, error);
        ScrollPane scroller = new ScrollPane(controls);
        // ScrollPaneSkin caches its viewport as one image: every step of a dragged slider would re-render the whole
        // column of controls into it. Drawn directly, only the controls that change are repainted.
        scroller.skinProperty().addListener((o, a, skin) -> {
            if (skin != null && scroller.lookup(".viewport") instanceof javafx.scene.Node viewport) viewport.setCache(false);
        });
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 300);
        Widths.min(scroller, 240);
        setLeft(scroller);

        mapTitle.getStyleClass().add("section-heading");
        blockNote.getStyleClass().add("note");
        blockNote.textProperty().bind(heatMap.descriptionProperty());
        blockNote.setWrapText(true);
        HBox legend = legend();
        VBox mapBox = new VBox(4, mapTitle, heatMap, legend, blockNote);
        mapBox.setPadding(new Insets(6));
        VBox.setVgrow(heatMap, Priority.ALWAYS);
        var entropyViewer = Charts.viewer(charts.entropyChart());
        entropyViewer.setPrefSize(260, 460);
        entropyViewer.setMinSize(160, 150);
        SplitPane top = new SplitPane(mapBox, entropyViewer);
        top.setDividerPositions(0.66);
        var rowViewer = Charts.viewer(charts.rowChart());
        SplitPane center = new SplitPane(top, rowViewer);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.68);
        setCenter(center);
    }

    private HBox legend() {
        WritableImage bar = new WritableImage(160, 10);
        for (int x = 0; x < 160; x++) {
            int argb = HeatMap.viridis(x / 159.0);
            for (int y = 0; y < 10; y++) bar.getPixelWriter().setArgb(x, y, argb);
        }
        Label low = new Label();
        low.textProperty().bind(model.logColoursProperty().map(log -> log ? "≤ 10⁻⁵" : "0"));
        Label hidden = new Label("  masked");
        hidden.setGraphic(new javafx.scene.shape.Rectangle(10, 10, HeatMap.HIDDEN));
        Label nan = new Label("NaN");
        nan.setGraphic(new javafx.scene.shape.Rectangle(10, 10, HeatMap.NAN));
        HBox box = new HBox(6, low, new ImageView(bar), new Label("1"), hidden, nan);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("note");
        return box;
    }

    private void initListeners() {
        temperature.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            // three significant digits, so the label and the saved scenario agree
            model.temperatureProperty().set(Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue()))));
        });
        slope.valueProperty().addListener((o, a, b) -> {
            if (!syncing) model.ssaSlopeProperty().set(Double.parseDouble(String.format(Locale.ROOT, "%.3g", b.doubleValue())));
        });
        token.valueProperty().addListener((o, a, b) -> {
            if (!syncing) model.setSsaTokenScale(Math.abs(b.doubleValue()) < 0.02 ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.3g", b.doubleValue())));
        });
        context.valueProperty().addListener((o, a, b) -> {
            if (syncing) return;
            int n = 1 << (int) Math.round(b.doubleValue());
            if (n != model.contextLengthProperty().get()) model.contextLengthProperty().set(n);
        });
        mask.valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.maskProperty().set(b); });
        normalizer.valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.normalizerProperty().set(b); });
        validKeys.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) model.validKeysProperty().set(Math.min(b, model.keys()));
        });
        head.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (syncing || b == null) return;
            if (b < model.heads()) model.headProperty().set(b);
            else head.getValueFactory().setValue(model.headProperty().get());
        });
        precisionGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) precisionButtons.get(model.precisionProperty().get()).setSelected(true);
            else if (!syncing) model.precisionProperty().set((Precision) b.getUserData());
        });
        logColours.selectedProperty().bindBidirectional(model.logColoursProperty());
        for (var p : new javafx.beans.Observable[] {model.temperatureProperty(), model.ssaSlopeProperty(), model.ssaTokenProperty(),
                model.contextLengthProperty(), model.maskProperty(), model.normalizerProperty(), model.validKeysProperty(),
                model.headProperty(), model.precisionProperty(), model.loadedInputProperty()}) {
            p.addListener(x -> syncControls());
        }
        syncControls();

        // The map image once per batch of results (~30 Hz at most), however fast the recomputations come; the two
        // charts (a JFreeChart redraw each, tens of ms in software rendering) and the read-outs (which would make a
        // second region of the window to repaint at every map) at most 4 times a second, the last batch always
        // drawn, so a drag stays fluid and ends on the newest charts.
        ThrottledUpdater<Object> repaint = new ThrottledUpdater<>(Platform::runLater, batch -> redrawMap(false));
        ThrottledUpdater<Object> repaintCharts = new ThrottledUpdater<>(CHART_PERIOD_MILLIS, Platform::runLater,
                batch -> redrawCharts());
        model.mapProperty().addListener((o, a, b) -> {
            repaint.offer(b);
            repaintCharts.offer(b);
        });
        model.logColoursProperty().addListener((o, a, b) -> repaint.offer(b));
        // the marker follows the mouse at once; the row's bars (a chart redraw) at most ~30 times a second
        ThrottledUpdater<Object> hover = new ThrottledUpdater<>(Platform::runLater, batch -> {
            MapComputation m = model.mapProperty().get();
            int row = model.hoveredRowProperty().get();
            if (m != null) charts.showRow(m, row < m.queries() ? row : -1);
        });
        model.hoveredRowProperty().addListener((o, a, b) -> {
            heatMap.hover(b.intValue());
            hover.offer(b);
        });
        model.errorProperty().addListener((o, a, b) -> error.setText(b));
        redraw();
    }

    /** Draws the newest map and its charts now, the image painted on this thread (tests and snapshots call this). */
    void redraw() {
        redrawMap(true);
        redrawCharts();
    }

    private void redrawCharts() {
        MapComputation m = model.mapProperty().get();
        if (m == null) return;
        charts.showEntropy(m);
        showReadouts(m);
        int row = model.hoveredRowProperty().get();
        charts.showRow(m, row < m.queries() ? row : -1);
    }

    /** The map's image (painted on this thread when now, else off the FX thread) and its title. */
    private void redrawMap(boolean now) {
        MapComputation m = model.mapProperty().get();
        if (m == null) return;
        if (now) heatMap.showNow(m, model.logColoursProperty().get());
        else heatMap.show(m, model.logColoursProperty().get());
        mapTitle.setText(String.format(Locale.ROOT, "Attention map, head %d of %d: %d queries (rows) × %d keys (columns)",
                m.head(), m.heads(), m.queries(), m.keys()));
    }

    /** The read-outs' names and value labels, made once (new labels per map would cost a CSS pass each). */
    private void createReadouts() {
        String[] names = {"mean H/ln n", "mean max weight", "τ_i range", "exact zeros", "NaN rows", "computed in"};
        for (int i = 0; i < names.length; i++) {
            Label value = new Label();
            value.getStyleClass().add("value-label");
            readoutValues[i] = value;
            readouts.addRow(i, new Label(names[i]), value);
        }
    }

    private void showReadouts(MapComputation m) {
        double tauMin = Double.POSITIVE_INFINITY;
        double tauMax = Double.NEGATIVE_INFINITY;
        for (double t : m.queryTau()) {
            tauMin = Math.min(tauMin, t);
            tauMax = Math.max(tauMax, t);
        }
        String[] values = {fmt(m.meanEntropyOverLogN()), fmt(m.meanMaxWeight()),
                String.format(Locale.ROOT, "%.4g … %.4g", tauMin, tauMax), Integer.toString(m.totalExactZeros()),
                Integer.toString(m.nanRows()), String.format(Locale.ROOT, "%.1f ms", m.millis())};
        for (int i = 0; i < values.length; i++) readoutValues[i].setText(values[i]);
        Label nanRows = readoutValues[NAN_ROWS];
        if (m.nanRows() > 0 && !nanRows.getStyleClass().contains("badge-error")) nanRows.getStyleClass().add("badge-error");
        if (m.nanRows() == 0) nanRows.getStyleClass().remove("badge-error");
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.4g", v); }

    private void syncControls() {
        syncing = true;
        try {
            double t = model.temperatureProperty().get();
            temperatureLabel.setText(String.format(Locale.ROOT, "T = %.3g", t));
            temperature.setValue(Math.log10(t));
            double s = model.ssaSlopeProperty().get();
            slopeLabel.setText(String.format(Locale.ROOT, "position slope s = %.3g", s));
            slope.setValue(s);
            double u = model.ssaTokenScale();
            tokenLabel.setText(u == 0 ? "token term u: off" : String.format(Locale.ROOT, "token term: ‖u‖ = %.3g%s", Math.abs(u),
                    u < 0 ? " (Σu < 0)" : ""));
            token.setValue(u);
            boolean loaded = model.loadedInputProperty().get() != null;
            int n = model.contextLengthProperty().get();
            context.setValue(Math.log(n) / Math.log(2));
            context.setDisable(loaded);
            generated.setDisable(!loaded);
            contextLabel.setText(loaded ? "n from the loaded file" : "context length n = " + n);
            source.setText(loaded ? "Loaded: " + model.loadedInputProperty().get().source()
                    : "Generated: seeded Gaussian tokens, Q = K = V, " + model.heads() + " heads of d_h = " + model.headDim());
            mask.setValue(model.maskProperty().get());
            validKeys.setDisable(model.maskProperty().get() != MaskKind.PADDING);
            validKeys.getValueFactory().setValue(model.validKeysProperty().get());
            normalizer.setValue(model.normalizerProperty().get());
            precisionButtons.get(model.precisionProperty().get()).setSelected(true);
            head.getValueFactory().setValue(model.headProperty().get());
            head.setDisable(model.heads() == 1);
        } finally {
            syncing = false;
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load queries, keys and values");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        var file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) model.loadInput(file.toPath());
    }
}
