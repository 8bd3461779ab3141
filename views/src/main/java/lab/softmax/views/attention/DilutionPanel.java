package lab.softmax.views.attention;

import static lab.softmax.views.common.Labels.bold;
import static lab.softmax.views.common.Labels.heading;
import static lab.softmax.views.common.Labels.value;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.attention.NeedleEval;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.engine.attention.NeedlePreset;
import lab.softmax.engine.attention.NeedleResult;
import lab.softmax.engine.attention.NeedleStep;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.RunControls;
import lab.softmax.views.common.Widths;
import org.jfree.chart.JFreeChart;

/**
 * The Dilution tab: train a vanilla and an SSA needle model side by side, then see, against the
 * context length n, how much weight each puts on the needle, how spread its rows are and whether the
 * output still decodes to the right value; plus what each learned (s, ‖W‖_F) and SSA's mean τ per n.
 */
final class DilutionPanel extends BorderPane {
    static final String HONEST_NOTE = "A positive temperature never changes a row's argmax, so pointer accuracy cannot show "
            + "what temperature does; the charts show needle weight, entropy and value accuracy instead.";

    private final DilutionViewModel model;
    private final DilutionCharts charts = new DilutionCharts();
    /** What the charts show now (the evaluations of both models and the subtitle): unchanged, they are not redrawn. */
    private List<Object> chartsShow;
    private final Label slopeValue = value("—");
    private final Label vanillaNorm = value("—");
    private final Label ssaNorm = value("—");
    private final ComboBox<NeedlePreset> preset = new ComboBox<>();
    private final Spinner<Integer> steps = new Spinner<>(1, AttentionState.MAX_STEPS, 1500, 100);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final Button train = new Button("Train vanilla vs SSA");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label presetNote = new Label();
    private final GridPane table = new GridPane();
    private final Label tableCaption = new Label();

    DilutionPanel(DilutionViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    List<JFreeChart> charts() { return charts.charts(); }

    Button trainButton() { return train; }

    /** The small table's cells as text, row by row (for tests). */
    List<String> tableText() {
        return table.getChildren().stream().map(n -> n instanceof Label l ? l.getText() : "").toList();
    }

    private void createView() {
        preset.setId("preset");
        steps.setId("steps");
        seed.setId("seed");
        train.setId("train");
        cancel.setId("cancel");
        VBox controls = new VBox(8);
        controls.setPadding(new Insets(10));
        preset.getItems().setAll(NeedlePreset.values());
        preset.setMaxWidth(Double.MAX_VALUE);
        steps.setEditable(true);
        seed.setEditable(true);
        train.setDefaultButton(false);
        train.setTooltip(new Tooltip("Trains both models in lockstep on the same batches (n from 8 to 256), then "
                + "evaluates them at n = 8 … 4096 on the same fresh examples"));
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.getStyleClass().add("note");
        presetNote.setWrapText(true);
        presetNote.getStyleClass().add("note");
        Label note = new Label(HONEST_NOTE);
        note.setWrapText(true);
        note.getStyleClass().add("badge-info");
        note.setPadding(new Insets(4));
        Label task = new Label("The needle task: n unit keys, a query near one of them (the needle), the target is the "
                + "needle's value. One attention layer g_i = qᵀWk_i; SSA adds τ = 1 + s·ln n + tanh(u·q).");
        task.setWrapText(true);
        task.getStyleClass().add("note");
        table.setHgap(10);
        table.setVgap(2);
        tableCaption.setWrapText(true);
        tableCaption.getStyleClass().add("note");
        controls.getChildren().addAll(heading("Needle task"), task, new Label("preset"), preset, presetNote,
                new HBox(6, new Label("steps"), steps), new HBox(6, new Label("seed"), seed),
                new HBox(6, train, cancel), progress, status,
                new Separator(), note,
                new Separator(), heading("What they learned"), table, tableCaption);
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 330);
        Widths.min(scroller, 260);
        setLeft(scroller);

        Label explain = new Label("Vanilla attention dilutes as n grows past the training range: the needle's weight "
                + "falls towards 1/n, rows turn uniform (H/ln n → 1) and the output stops decoding to the needle's value. "
                + "SSA's learned position slope s raises τ with ln n and keeps the row sharp. In the negative control "
                + "(d = 16, unnormalised keys, noisy queries) distractors genuinely match the query: temperature cannot "
                + "help there, and the two curves coincide.");
        explain.setWrapText(true);
        explain.getStyleClass().add("note");
        explain.setPadding(new Insets(8));
        setCenter(Charts.quadrants(charts.charts(), explain));
    }

    private void initListeners() {
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.valueProperty().addListener((o, a, b) -> showPresetNote());
        steps.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.stepsProperty().set(b); });
        model.stepsProperty().addListener((o, a, b) -> steps.getValueFactory().setValue(b.intValue()));
        steps.getValueFactory().setValue(model.stepsProperty().get());
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.seedProperty().set(b); });
        model.seedProperty().addListener((o, a, b) -> seed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, b.longValue())));
        seed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, model.seedProperty().get()));
        RunControls.wire(train, cancel, model.busyProperty(), model::train, model::cancel);
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        model.revisionProperty().addListener((o, a, b) -> redraw());
        showPresetNote();
        redraw();
    }

    private void showPresetNote() {
        NeedlePreset p = model.presetProperty().get();
        presetNote.setText(p == null ? "" : switch (p) {
            case DEFAULT -> "d = 32 unit-norm keys, query noise 0.3, weight decay 0.05, 1500 steps (10–25 s on two cores).";
            case NEGATIVE_CONTROL -> "d = 16, keys not normalised, query noise 1.0, weight decay 0.02: dilution is "
                    + "statistical and SSA should show no advantage.";
            case QUICK -> "as default with 500 steps (set steps to match).";
        });
    }

    /**
     * Redraws the charts and the table from the view-model (on every revision). The charts are redrawn only when
     * what they show changed (a new evaluation, or their subtitle): most revisions while training only move the
     * learned s and ‖W‖ in the table, and redrawing four charts for each of them (~30 a second) kept the window busy.
     */
    void redraw() {
        boolean any = !model.evals(NeedleMode.VANILLA).isEmpty() || !model.evals(NeedleMode.SSA).isEmpty();
        String subtitle = !any ? (model.busyProperty().get() ? "training… the first live evaluation comes at step "
                + DilutionViewModel.liveEvery(model.stepsProperty().get())
                : "Press \"Train vanilla vs SSA\" to fill these charts")
                : model.finalEvaluation() ? "final evaluation after " + model.evalStep() + " steps, "
                + "512 fresh examples per n"
                : "live estimate at step " + model.evalStep() + " (" + DilutionViewModel.LIVE_EXAMPLES + " examples per n)";
        List<Object> shown = List.of(model.evals(NeedleMode.VANILLA), model.evals(NeedleMode.SSA), subtitle);
        if (!shown.equals(chartsShow)) {
            chartsShow = shown;
            for (NeedleMode mode : NeedleMode.values()) charts.show(mode, model.evals(mode));
            charts.subtitle(subtitle);
            showTable();
        }
        slopeValue.setText(slope());
        vanillaNorm.setText(weightNorm(NeedleMode.VANILLA));
        ssaNorm.setText(weightNorm(NeedleMode.SSA));
    }

    /** The table's rows; the learned s and ‖W‖ are labels of their own, updated in place at every step. */
    private void showTable() {
        table.getChildren().clear();
        table.addRow(0, bold(""), bold("vanilla"), bold("SSA"));
        table.addRow(1, new Label("slope s"), value("—"), slopeValue);
        table.addRow(2, new Label("‖W‖_F"), vanillaNorm, ssaNorm);
        List<NeedleEval> ssa = model.evals(NeedleMode.SSA);
        List<NeedleEval> vanilla = model.evals(NeedleMode.VANILLA);
        table.addRow(3, bold("n"), bold("a_t vanilla"), bold("a_t SSA"), bold("SSA mean τ"));
        for (int i = 0; i < ssa.size(); i++) {
            NeedleEval e = ssa.get(i);
            NeedleEval v = i < vanilla.size() ? vanilla.get(i) : null;
            table.addRow(4 + i, value(Integer.toString(e.n())), value(v == null ? "—" : f3(v.needleWeight())),
                    value(f3(e.needleWeight())), value(String.format(Locale.ROOT, "%.2f", e.meanTau())));
        }
        tableCaption.setText(ssa.isEmpty() ? "Filled in by training." : "τ = 1 + s·ln n + tanh(u·q), averaged over the "
                + "evaluation's queries: SSA sharpens longer rows more.");
    }

    private String slope() {
        NeedleResult r = model.result(NeedleMode.SSA);
        if (r != null && r.learned().s() != null) return String.format(Locale.ROOT, "%.4g", r.learned().s());
        NeedleStep s = model.lastStep(NeedleMode.SSA);
        return s == null ? "—" : String.format(Locale.ROOT, "%.4g", s.slope());
    }

    private String weightNorm(NeedleMode mode) {
        NeedleResult r = model.result(mode);
        if (r != null) return String.format(Locale.ROOT, "%.3g", r.learned().wFrobenius());
        NeedleStep s = model.lastStep(mode);
        return s == null ? "—" : String.format(Locale.ROOT, "%.3g", s.weightNorm());
    }

    private static String f3(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
