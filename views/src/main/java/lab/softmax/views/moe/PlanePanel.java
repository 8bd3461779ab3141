package lab.softmax.views.moe;

import static lab.softmax.views.common.Labels.bold;
import static lab.softmax.views.common.Labels.heading;
import static lab.softmax.views.common.Labels.note;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.engine.moe.Router;
import lab.softmax.engine.moe.TopK;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.ThrottledUpdater;
import lab.softmax.views.common.Widths;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Plane tab: controls and the gate table on the left; the input plane coloured by the active set, with the top-1
 * boundaries as thin dark lines and the chosen expert's weight as shading; below it the chosen expert's weight along
 * the marked row (it jumps where the expert enters or leaves the active set) and the legend of the sets shown.
 */
final class PlanePanel extends BorderPane {
    private final MoeViewModel model;
    private final PlaneCanvas canvas;
    private final Label title = new Label();
    private final Label problem = new Label();
    private final Spinner<Integer> topK = new Spinner<>(0, MoeState.MAX_EXPERTS, 2);
    private final ComboBox<Router> router = new ComboBox<>();
    private final Slider temperature = new Slider(Math.log10(MoeState.MIN_TEMPERATURE), Math.log10(MoeState.MAX_TEMPERATURE), 0);
    private final TextField temperatureField = new TextField();
    private final Spinner<Integer> chosen = new Spinner<>(1, MoeState.MAX_EXPERTS, 1);
    private final CheckBox shade = new CheckBox("shade by the chosen expert's weight");
    private final Slider shift = new Slider(-20, 20, 0);
    private final Label shiftLabel = new Label();
    private final Slider scale = new Slider(-1, 1, 0);
    private final Label scaleLabel = new Label();
    private final Label check = new Label();
    private final GridPane gateTable = new GridPane();
    private final List<TextField[]> gateFields = new ArrayList<>();
    private final List<Slider> biasSliders = new ArrayList<>();
    private final Button addExpert = new Button("+ expert");
    private final Button removeExpert = new Button("− expert");
    private final GridPane readouts = new GridPane();
    private final FlowPane legend = new FlowPane(8, 3);
    private final XYSeriesCollection profileData = new XYSeriesCollection();
    private final JFreeChart profileChart;
    private int profileRow = PlaneComputation.SIZE / 2;
    private String legendKey = "";
    private boolean syncing;

    PlanePanel(MoeViewModel model) {
        this.model = model;
        this.canvas = new PlaneCanvas(model::setGateVector, row -> {
            profileRow = row;
            showProfile();
        });
        profileData.addSeries(new XYSeries("weight", false, true));
        profileChart = Charts.lineChart("", "x₁ along the dashed row", "weight", profileData);
        createView();
        initListeners();
    }

    JFreeChart profileChart() { return profileChart; }

    PlaneCanvas canvas() { return canvas; }

    Slider temperatureSlider() { return temperature; }

    Label checkLabel() { return check; }

    Label problemLabel() { return problem; }

    private void createView() {
        // Stable ids: lessons name the controls they leave free (docs/lessons.md).
        topK.setId("top-k");
        router.setId("router");
        temperature.setId("temperature");
        temperatureField.setId("temperature-value");
        chosen.setId("chosen-expert");
        shade.setId("shade");
        shift.setId("shift-all");
        scale.setId("scale-all");
        addExpert.setId("add-expert");
        removeExpert.setId("remove-expert");
        gateTable.setId("gates");
        VBox controls = new VBox(7);
        controls.setPadding(new Insets(10));
        topK.setEditable(true);
        Widths.pref(topK, 80);
        topK.setTooltip(new Tooltip("active experts per input, 1 … k"));
        router.getItems().setAll(Router.values());
        router.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Router r) { return r == null ? "" : r.id(); }
            @Override public Router fromString(String s) { return Router.parse(s); }
        });
        Widths.pref(router, 210);
        router.setTooltip(new Tooltip("topk-softmax: softmax over the K kept logits (the paper; Mixtral). softmax-topk: "
                + "softmax over all k, keep K, no renormalising (Switch, GShard). softmax-topk-renorm: and divide by their sum."));
        temperature.setShowTickMarks(true);
        temperature.setMajorTickUnit(1);
        temperature.setMinorTickCount(4);
        temperature.setTooltip(new Tooltip("log scale 0.01 … 100: the logits are divided by T"));
        temperatureField.setPrefColumnCount(6);
        chosen.setEditable(true);
        Widths.pref(chosen, 80);
        shift.setShowTickMarks(true);
        shift.setMajorTickUnit(10);
        scale.setShowTickMarks(true);
        scale.setMajorTickUnit(1);
        scale.setMinorTickCount(4);
        scale.setTooltip(new Tooltip("log scale 0.1 … 10"));
        check.setWrapText(true);
        problem.setWrapText(true);
        problem.getStyleClass().add("error-label");
        gateTable.setHgap(4);
        gateTable.setVgap(3);
        readouts.setHgap(8);
        readouts.setVgap(2);
        Label tempNote = note("T divides every logit (softmax(l/T), as in every lab): it changes the weights, never the "
                + "partition. The shift c and scale a below change every logit to a·l + c, a check that is not saved.");
        Label gateNote = note("Drag an arrow's head on the plane to move w; the sliders move b. Logit of Ei: wᵢ·x + bᵢ.");
        addExpert.setOnAction(e -> model.addExpert());
        removeExpert.setOnAction(e -> model.removeExpert());
        controls.getChildren().addAll(
                heading("Routing"), new HBox(6, label("top-K: K ="), topK), new HBox(6, label("router"), router),
                heading("Temperature"), new HBox(6, label("T ="), temperatureField), temperature, tempNote,
                new Separator(), heading("Partition check: l → a·l + c"), shiftLabel, shift, scaleLabel, scale, check,
                new Separator(), heading("Gates"), gateNote, gateTable, new HBox(6, addExpert, removeExpert),
                new Separator(), heading("Shading"), new HBox(6, label("chosen expert E"), chosen), shade,
                new Separator(), heading("Read-outs"), readouts, problem);
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 360);
        Widths.min(scroller, 280);
        setLeft(scroller);

        title.getStyleClass().add("section-heading");
        title.setWrapText(true);
        legend.getStyleClass().add("note");
        StackPane planeBox = new StackPane(canvas);
        planeBox.setAlignment(Pos.TOP_LEFT);
        VBox left = new VBox(4, title, planeBox);
        left.setPadding(new Insets(6));
        VBox.setVgrow(planeBox, Priority.ALWAYS);
        ChartViewer profileViewer = Charts.viewer(profileChart);
        profileViewer.setPrefSize(300, 200);
        ((XYPlot) profileChart.getPlot()).getRangeAxis().setRange(0, 1.02);
        profileChart.removeLegend();
        Label explain = note("Colours: one per active set (the mean of its experts' colours; a top-1 region has its "
                + "expert's colour). Dark lines: top-1 boundaries. Where the chosen expert is active its region is "
                + "darker the larger its weight; where it is not, washed out. Its weight is continuous inside a region "
                + "and jumps where it enters or leaves the top-K set: the chart below shows it along the dashed row "
                + "(move the mouse over the plane to move the row).");
        VBox right = new VBox(6, explain, legend, profileViewer);
        right.setPadding(new Insets(6));
        VBox.setVgrow(profileViewer, Priority.ALWAYS);
        SplitPane center = new SplitPane(left, right);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.6);
        setCenter(center);
    }

    private void initListeners() {
        topK.getValueFactory().valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.topKProperty().set(b); });
        router.valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.routerProperty().set(b); });
        temperature.valueProperty().addListener((o, a, b) -> {
            if (!syncing) model.temperatureProperty().set(Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue()))));
        });
        temperatureField.setOnAction(e -> parse(temperatureField.getText(), "temperature T", v -> model.temperatureProperty().set(v)));
        chosen.getValueFactory().valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.chosenExpertProperty().set(b - 1); });
        shade.selectedProperty().bindBidirectional(model.shadeProperty());
        shift.valueProperty().addListener((o, a, b) -> { if (!syncing) model.shiftProperty().set(Math.round(b.doubleValue() * 10) / 10.0); });
        scale.valueProperty().addListener((o, a, b) -> {
            if (!syncing) model.scaleProperty().set(Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, b.doubleValue()))));
        });
        for (var p : new javafx.beans.Observable[] {model.topKProperty(), model.routerProperty(), model.temperatureProperty(),
                model.chosenExpertProperty(), model.shiftProperty(), model.scaleProperty(), model.gateWeightsProperty(),
                model.gateBiasesProperty()}) {
            p.addListener(x -> syncControls());
        }
        syncControls();
        // While a gate is dragged the plane follows at up to 30 Hz; the weight chart (a JFreeChart redraw, the costly part
        // on the FX thread) at up to 4 Hz, and at once when the drag ends.
        ThrottledUpdater<Object> profile = new ThrottledUpdater<>(250, Platform::runLater, batch -> showProfile());
        ThrottledUpdater<Object> repaint = new ThrottledUpdater<>(Platform::runLater, batch -> {
            if (dragging()) {
                redrawPlane();
                profile.offer(batch);
            } else {
                redraw();
            }
        });
        javafx.beans.InvalidationListener dragEnd = x -> { if (!dragging()) showProfile(); };
        canvas.draggingProperty().addListener(dragEnd);
        temperature.valueChangingProperty().addListener(dragEnd);
        model.planeProperty().addListener((o, a, b) -> repaint.offer(b));
        model.problemProperty().addListener((o, a, b) -> showProblem());
        redraw();
    }

    private void parse(String text, String what, java.util.function.DoubleConsumer set) {
        try {
            set.accept(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            problem.setText(what + ": '" + text + "' is not a number");
        }
    }

    /** Whether the user is dragging an arrow, the temperature or a bias slider. */
    private boolean dragging() {
        if (canvas.draggingProperty().get() || temperature.isValueChanging()) return true;
        for (Slider s : biasSliders) if (s.isValueChanging()) return true;
        return false;
    }

    /** Draws the newest plane and its weight chart now (the throttled repaint calls this; tests and snapshots may too). */
    void redraw() {
        if (redrawPlane()) showProfile();
    }

    /** Draws the newest plane, its read-outs and legend, not the weight chart; false when there is none yet. */
    boolean redrawPlane() {
        PlaneComputation p = model.planeProperty().get();
        if (p == null) return false;
        canvas.show(p);
        title.setText(String.format(Locale.ROOT, "x₁ ∈ [%s, %s] →, x₂ ∈ [%s, %s] ↑ · top-%d of %d · %s · T = %s",
                fmt(p.rect().xMin()), fmt(p.rect().xMax()), fmt(p.rect().yMin()), fmt(p.rect().yMax()), p.topK(), p.experts(),
                p.router().id(), fmt(p.temperature())));
        showReadouts(p);
        showLegend(p);
        canvas.showProfileRow(profileRow);
        showProblem();
        return true;
    }

    private void showProblem() {
        String bad = model.problemProperty().get();
        problem.setText(bad == null || bad.isEmpty() ? "" : bad + " — nothing is computed until it is fixed; the plane shows the last good gates.");
    }

    private void showReadouts(PlaneComputation p) {
        readouts.getChildren().clear();
        String checkText;
        if (!p.checked()) {
            checkText = "partition unchanged: — (T = 1, c = 0, a = 1: nothing applied; move T, c or a)";
        } else if (p.differing() == 0) {
            checkText = String.format(Locale.ROOT, "partition unchanged: yes — every one of the %,d pixels has the same active "
                    + "set as the raw logits (T = 1, c = 0, a = 1)", p.frame().setId.length);
        } else {
            checkText = String.format(Locale.ROOT, "partition unchanged: no — %d of %,d pixels differ from the raw logits "
                    + "(rounding at exact ties)", p.differing(), p.frame().setId.length);
        }
        check.setText(checkText);
        String badge = p.checked() && p.differing() > 0 ? "badge-error" : "badge-info";
        if (!check.getStyleClass().contains(badge)) {
            check.getStyleClass().removeAll("badge-info", "badge-error");
            check.getStyleClass().add(badge);
        }
        String[][] rows = {
                {"active sets shown", p.sets().size() + " of C(" + p.experts() + ", " + p.topK() + ") = " + TopK.choose(p.experts(), p.topK())},
                {"frame 400 × 400", String.format(Locale.ROOT, "%.1f ms (off the FX thread)", p.millis())},
                {"check frame", p.checkMillis() > 0 ? String.format(Locale.ROOT, "%.1f ms", p.checkMillis()) : "reused"},
        };
        if (readouts.getChildren().isEmpty()) {
            for (int i = 0; i < rows.length; i++) {
                Label v = new Label();
                v.getStyleClass().add("value-label");
                readouts.addRow(i, new Label(rows[i][0]), v);
            }
        }
        // the rows are (name, value) pairs in order: only the values change
        for (int i = 0; i < rows.length; i++) ((Label) readouts.getChildren().get(2 * i + 1)).setText(rows[i][1]);
    }

    private void showLegend(PlaneComputation p) {
        // rebuilt only when the sets shown or their rounded areas change (not on every frame of a drag)
        StringBuilder key = new StringBuilder();
        for (PlaneComputation.SetArea s : p.sets()) key.append(s.id()).append(':').append(Math.round(100 * s.fraction())).append(',');
        if (key.toString().equals(legendKey)) return;
        legendKey = key.toString();
        legend.getChildren().clear();
        int shown = Math.min(p.sets().size(), 16);
        for (int i = 0; i < shown; i++) {
            PlaneComputation.SetArea s = p.sets().get(i);
            StringBuilder name = new StringBuilder("{");
            for (int m = 0; m < s.members().length; m++) name.append(m == 0 ? "" : ",").append("E").append(s.members()[m] + 1);
            name.append(String.format(Locale.ROOT, "} %.0f%%", 100 * s.fraction()));
            Label l = new Label(name.toString());
            l.setGraphic(new Rectangle(12, 12, SetColours.fx(s.argb())));
            legend.getChildren().add(l);
        }
        if (shown < p.sets().size()) legend.getChildren().add(new Label("+ " + (p.sets().size() - shown) + " more"));
    }

    void showProfile() {
        canvas.showProfileRow(profileRow);
        PlaneComputation p = model.planeProperty().get();
        if (p == null) return;
        XYSeries s = profileData.getSeries(0);
        s.setNotify(false);
        s.clear();
        double[] w = p.weightRow(profileRow);
        for (int c = 0; c < w.length; c++) s.add(p.columnX(c), w[c]);
        s.setNotify(true);
        profileChart.setTitle(String.format(Locale.ROOT, "Weight of E%d along y = %.2f (%s)", p.chosen() + 1,
                p.rowY(profileRow), p.router().id()));
        profileChart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) profileChart.getXYPlot().getRenderer())
                .setSeriesPaint(0, new java.awt.Color(SetColours.expert(p.chosen())));
    }

    private void syncControls() {
        syncing = true;
        try {
            int k = model.experts();
            topK.getValueFactory().setValue(model.topKProperty().get());
            router.setValue(model.routerProperty().get());
            double t = model.temperatureProperty().get();
            if (Double.isFinite(t) && t > 0) temperature.setValue(Math.log10(t));
            setText(temperatureField, fmt(t));
            chosen.getValueFactory().setValue(model.chosenExpertProperty().get() + 1);
            double c = model.shiftProperty().get();
            shift.setValue(c);
            shiftLabel.setText("shift c = " + fmt(c));
            double a = model.scaleProperty().get();
            if (Double.isFinite(a) && a > 0) scale.setValue(Math.log10(a));
            scaleLabel.setText("scale a = " + fmt(a));
            addExpert.setDisable(k >= MoeState.MAX_EXPERTS);
            removeExpert.setDisable(k <= 2);
            syncGateTable();
            canvas.showArrows(model.gateWeightsProperty().get());
        } finally {
            syncing = false;
        }
    }

    /**
     * Sets a field's text only when it differs: setting a text field replaces its content and relayouts it even when the
     * text is the same, and a gate drag syncs every field on every move.
     */
    private static void setText(TextField f, String text) {
        if (!text.equals(f.getText())) f.setText(text);
    }

    private void syncGateTable() {
        double[][] w = model.gateWeightsProperty().get();
        double[] b = model.gateBiasesProperty().get();
        int k = b.length;
        if (gateFields.size() != k) {
            gateTable.getChildren().clear();
            gateFields.clear();
            biasSliders.clear();
            gateTable.addRow(0, bold(""), bold("w₁"), bold("w₂"), bold("b"), bold(""));
            for (int i = 0; i < k; i++) {
                int expert = i;
                Label name = new Label("E" + (i + 1));
                name.setGraphic(new Rectangle(10, 10, SetColours.fx(SetColours.expert(i))));
                name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                TextField[] f = {new TextField(), new TextField(), new TextField()};
                for (int j = 0; j < 3; j++) {
                    int which = j;
                    f[j].setPrefColumnCount(4);
                    f[j].setOnAction(e -> parse(f[which].getText(), "E" + (expert + 1) + (which == 2 ? " bias" : " w" + (which + 1)),
                            v -> model.setGate(expert, which, v)));
                    f[j].focusedProperty().addListener((o, was, now) -> {
                        if (!now && !syncing && !f[which].getText().equals(fmt(current(expert, which)))) {
                            parse(f[which].getText(), "E" + (expert + 1) + (which == 2 ? " bias" : " w" + (which + 1)),
                                    v -> model.setGate(expert, which, v));
                        }
                    });
                }
                Slider bias = new Slider(-5, 5, 0);
                Widths.pref(bias, 90);
                bias.valueChangingProperty().addListener((o, x, v) -> { if (!v) showProfile(); });
                bias.valueProperty().addListener((o, x, v) -> {
                    if (!syncing) model.setGate(expert, 2, Math.round(v.doubleValue() * 100) / 100.0);
                });
                gateFields.add(f);
                biasSliders.add(bias);
                gateTable.addRow(i + 1, name, f[0], f[1], f[2], bias);
            }
        }
        for (int i = 0; i < k; i++) {
            TextField[] f = gateFields.get(i);
            setText(f[0], fmt(w[i][0]));
            setText(f[1], fmt(w[i][1]));
            setText(f[2], fmt(b[i]));
            if (Double.isFinite(b[i])) biasSliders.get(i).setValue(b[i]);
        }
    }

    private double current(int expert, int which) {
        return which == 2 ? model.gateBiasesProperty().get()[expert] : model.gateWeightsProperty().get()[expert][which];
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.3g", v); }

    private static Label label(String text) { return new Label(text); }
}
