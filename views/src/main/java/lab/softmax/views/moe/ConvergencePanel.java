package lab.softmax.views.moe;

import static lab.softmax.views.common.Labels.heading;
import static lab.softmax.views.common.Labels.note;
import static lab.softmax.views.common.Labels.unshrunk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord.Metric;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Labels;
import lab.softmax.views.common.RunControls;
import lab.softmax.views.common.ThrottledUpdater;
import lab.softmax.views.common.Widths;
import org.jfree.chart.JFreeChart;

/**
 * The Convergence tab: the experiment's settings, Run and Cancel with progress, the three log-log charts filling in as
 * fits finish, and the measured slopes beside the theory's.
 */
final class ConvergencePanel extends BorderPane {
    /** Quick settings: about a minute on two busy cores. */
    static final int[] QUICK_N = {1000, 3000, 10_000};
    static final int QUICK_REPS = 5;
    /** The full experiment of the issue. */
    static final int[] FULL_N = {1000, 3000, 10_000, 30_000, 100_000};
    static final int FULL_REPS = 20;
    static final String DOC_NOTE = "What docs/labs/moe.md measured (the full grid: every case, n = 10³ … 10⁵, 20 repetitions, "
            + "24 min on one thread): exact D1 slope −0.40 (theory −1/2), density −0.48; over-specified D2 −0.67, the split "
            + "atoms' a −0.32 and ν −0.36 (theory −1/4), β₁ −0.30 and b −0.31 (theory −1/8: steeper); k-too-small "
            + "contains the truth and converges (density −0.49); k-below-truth plateaus at Hellinger 0.538; no fit of a "
            + "representable case ended below the truth's likelihood − 1 nat.";

    private final ConvergenceViewModel model;
    private final ConvergenceCharts charts = new ConvergenceCharts();
    private final Map<FitCase, CheckBox> caseBoxes = new EnumMap<>(FitCase.class);
    private final TextField sizes = new TextField();
    private final Spinner<Integer> reps = new Spinner<>(1, 1000, 5);
    private final Spinner<Integer> threads = new Spinner<>(1, 256, 2);
    private final TextField seed = new TextField();
    private final TextField noise = new TextField();
    private final Button quick = new Button("Quick");
    private final Button full = new Button("Full (issue)");
    private final Button run = new Button("Run experiment");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label settingsProblem = new Label();
    private final GridPane slopes = new GridPane();
    private boolean syncing;
    /** The cases the slope table has rows for, and its value labels in row order (updated in place). */
    private List<FitCase> slopeCases;
    private final List<Label> slopeValues = new ArrayList<>();

    ConvergencePanel(ConvergenceViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    List<JFreeChart> charts() { return charts.charts(); }

    Button runButton() { return run; }

    /** The slope table itself (for tests). */
    GridPane slopeTable() { return slopes; }

    /** The slope table's cells as text (for tests). */
    List<String> slopeText() {
        return slopes.getChildren().stream().map(n -> n instanceof Label l ? l.getText() : "").toList();
    }

    private void createView() {
        VBox controls = new VBox(7);
        controls.setPadding(new Insets(10));
        VBox cases = new VBox(3);
        cases.setId("cases");
        sizes.setId("sample-sizes");
        reps.setId("repetitions");
        threads.setId("threads");
        seed.setId("seed");
        noise.setId("init-noise");
        quick.setId("quick");
        full.setId("full");
        run.setId("run");
        cancel.setId("cancel");
        for (FitCase c : FitCase.values()) {
            CheckBox b = new CheckBox(c.id() + " (k = " + c.experts() + ", K = " + c.topK() + ")");
            caseBoxes.put(c, b);
            cases.getChildren().add(b);
        }
        sizes.setTooltip(new Tooltip("comma-separated sample sizes, each 20 … 10⁷"));
        reps.setEditable(true);
        Widths.pref(reps, 90);
        threads.setEditable(true);
        Widths.pref(threads, 90);
        threads.setTooltip(new Tooltip("worker threads; the results are the same for any number"));
        seed.setPrefColumnCount(10);
        noise.setPrefColumnCount(5);
        quick.setTooltip(new Tooltip("n = 1000, 3000, 10000; 5 repetitions (about a minute per case on two cores)"));
        full.setTooltip(new Tooltip("n = 10³ … 10⁵; 20 repetitions (all four cases: 24 min on one thread, GRID_TWO_THREADS on two)"));
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.getStyleClass().add("note");
        settingsProblem.setWrapText(true);
        settingsProblem.getStyleClass().add("error-label");
        slopes.setHgap(8);
        slopes.setVgap(2);
        Label doc = note(DOC_NOTE);
        doc.getStyleClass().add("badge-info");
        doc.setPadding(new Insets(4));
        controls.getChildren().addAll(heading("Experiment"),
                note("Truth: k* = 3 experts, K* = 2, x ~ U[0, 1]. Each fit starts from its case's centre plus "
                        + "noise N(0, σ²) that does not shrink with n, then EM and a likelihood polish."),
                cases, new Label("sample sizes n"), sizes, new HBox(6, new Label("repetitions"), reps),
                new HBox(6, new Label("seed"), seed), new HBox(6, new Label("init noise σ"), noise),
                new HBox(6, new Label("threads"), threads), new HBox(6, quick, full), settingsProblem,
                new HBox(6, run, cancel), progress, status,
                new Separator(), heading("Slopes of ln(median) vs ln n (n ≥ 10³)"), slopes,
                note("Note: k-too-small (k = 4, K = 2) still contains the truth (an expert that is never "
                        + "active), so its density may converge; k-below-truth cannot."),
                new Separator(), doc);
        ScrollPane scroller = new ScrollPane(controls);
        scroller.setFitToWidth(true);
        Widths.pref(scroller, 360);
        Widths.min(scroller, 280);
        setLeft(scroller);

        Label explain = note("D1 (exact) and D2 (over-specified) are the paper's Voronoi losses: fitted atoms "
                + "are matched to the true atom nearest in parameters, never by index. The paper's rates: D1, D2 and the "
                + "density ~ n^−1/2 (up to log n); in the cell where two fitted atoms share E1 (over-specified), β₁ and b "
                + "~ n^−1/8, a and ν ~ n^−1/4. k-too-small (k = 4, K = 2) still contains the truth, so its density can "
                + "converge; k-below-truth (K = 1 < K* = 2) cannot represent it and plateaus. Bands: first to third "
                + "quartile over the repetitions finished so far; the curves fill in while the experiment runs.");
        explain.setPadding(new Insets(8));
        setCenter(Charts.quadrants(charts.charts(), explain));
    }

    private void initListeners() {
        for (Map.Entry<FitCase, CheckBox> e : caseBoxes.entrySet()) {
            e.getValue().selectedProperty().addListener((o, a, b) -> {
                if (syncing) return;
                List<FitCase> chosen = new ArrayList<>();
                for (FitCase c : FitCase.values()) if (caseBoxes.get(c).isSelected()) chosen.add(c);
                if (chosen.isEmpty()) {
                    settingsProblem.setText("cases: choose at least one");
                } else {
                    settingsProblem.setText("");
                    model.casesProperty().set(chosen);
                }
            });
        }
        sizes.textProperty().addListener((o, a, b) -> { if (!syncing) parseSizes(b); });
        reps.getValueFactory().valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.repetitionsProperty().set(b); });
        threads.getValueFactory().valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) model.threadsProperty().set(b); });
        seed.textProperty().addListener((o, a, b) -> {
            if (syncing) return;
            try {
                model.seedProperty().set(Long.parseLong(b.trim()));
                settingsProblem.setText("");
            } catch (NumberFormatException e) {
                settingsProblem.setText("seed: '" + b + "' is not a whole number");
            }
        });
        noise.textProperty().addListener((o, a, b) -> {
            if (syncing) return;
            try {
                double v = Double.parseDouble(b.trim());
                if (!(v >= 0 && v <= 10)) throw new NumberFormatException();
                model.initNoiseProperty().set(v);
                settingsProblem.setText("");
            } catch (NumberFormatException e) {
                settingsProblem.setText("init noise σ: '" + b + "' is not a number in 0 … 10");
            }
        });
        quick.setOnAction(e -> {
            model.sampleSizesProperty().set(QUICK_N.clone());
            model.repetitionsProperty().set(QUICK_REPS);
        });
        full.setOnAction(e -> {
            model.sampleSizesProperty().set(FULL_N.clone());
            model.repetitionsProperty().set(FULL_REPS);
        });
        RunControls.wire(run, cancel, model.busyProperty(), model::run, model::cancel);
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        for (var p : new javafx.beans.Observable[] {model.casesProperty(), model.sampleSizesProperty(), model.repetitionsProperty(),
                model.seedProperty(), model.initNoiseProperty(), model.threadsProperty()}) {
            p.addListener(x -> sync());
        }
        ThrottledUpdater<Object> repaint = new ThrottledUpdater<>(javafx.application.Platform::runLater, batch -> redraw());
        model.revisionProperty().addListener((o, a, b) -> repaint.offer(b));
        sync();
        redraw();
    }

    private void parseSizes(String text) {
        try {
            String[] parts = text.split(",");
            int[] n = new int[parts.length];
            for (int i = 0; i < n.length; i++) {
                n[i] = Integer.parseInt(parts[i].trim());
                if (n[i] < 20 || n[i] > 10_000_000) {
                    settingsProblem.setText("sample sizes: " + n[i] + " is outside 20 … 10000000");
                    return;
                }
            }
            settingsProblem.setText("");
            model.sampleSizesProperty().set(n);
        } catch (NumberFormatException e) {
            settingsProblem.setText("sample sizes: '" + text + "' is not a comma-separated list of whole numbers");
        }
    }

    private void sync() {
        syncing = true;
        try {
            for (FitCase c : FitCase.values()) caseBoxes.get(c).setSelected(model.casesProperty().get().contains(c));
            int[] n = model.sampleSizesProperty().get();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n.length; i++) b.append(i == 0 ? "" : ",").append(n[i]);
            if (!sizes.getText().replace(" ", "").equals(b.toString())) sizes.setText(b.toString());
            reps.getValueFactory().setValue(model.repetitionsProperty().get());
            threads.getValueFactory().setValue(model.threadsProperty().get());
            if (!seed.getText().trim().equals(Long.toString(model.seedProperty().get()))) seed.setText(Long.toString(model.seedProperty().get()));
            String sigma = String.format(Locale.ROOT, "%s", model.initNoiseProperty().get());
            try {
                if (Double.parseDouble(noise.getText().trim()) != model.initNoiseProperty().get()) noise.setText(sigma);
            } catch (NumberFormatException e) {
                noise.setText(sigma);
            }
        } finally {
            syncing = false;
        }
    }

    /** Redraws the charts and the slope table from the view-model. */
    void redraw() {
        int done = model.fits().size();
        String subtitle = model.runCases().isEmpty() ? "Press \"Run experiment\" to fill these charts"
                : (model.busyProperty().get() ? "running: " : "") + done + " fits";
        charts.show(model, subtitle);
        List<FitCase> cases = List.copyOf(model.runCases());
        if (!cases.equals(slopeCases)) buildSlopeRows(cases);
        int i = 0;
        for (FitCase c : cases) {
            for (Metric m : metrics(c)) slopeValues.get(i++).setText(ConvergenceCharts.slopeText(model.slope(c, m)));
            slopeValues.get(i++).setText(Integer.toString(model.fitsBelowTruth(c)));
        }
    }

    /** The slope table's rows for these cases, made once (new labels at every result would cost a CSS pass each). */
    private void buildSlopeRows(List<FitCase> cases) {
        slopes.getChildren().clear();
        slopeValues.clear();
        slopes.addRow(0, bold("quantity"), bold("slope"), bold("theory"));
        int row = 1;
        for (FitCase c : cases) {
            for (Metric m : metrics(c)) {
                Label v = value("");
                slopeValues.add(v);
                slopes.addRow(row++, plain(c.id() + ": " + name(m)), v, plain(theory(c, m)));
            }
            Label below = value("");
            slopeValues.add(below);
            slopes.addRow(row++, plain("   fits < truth − 1 nat"), below, plain(""));
        }
        slopeCases = cases;
    }

    static List<Metric> metrics(FitCase c) {
        return switch (c) {
            case EXACT -> List.of(Metric.D1, Metric.DENSITY);
            case OVER -> List.of(Metric.D2, Metric.CELL_BETA1, Metric.CELL_B, Metric.CELL_A, Metric.CELL_NU, Metric.DENSITY);
            case K_TOO_SMALL, K_BELOW_TRUTH -> List.of(Metric.DENSITY);
        };
    }

    static String name(Metric m) {
        return switch (m) {
            case D1 -> "D1";
            case D2 -> "D2";
            case DENSITY -> "density";
            case CELL_BETA1 -> "split β₁";
            case CELL_A -> "split a";
            case CELL_B -> "split b";
            case CELL_NU -> "split ν";
            case CELL_MASS -> "cell mass";
            case SINGLETON -> "singleton";
        };
    }

    static String theory(FitCase c, Metric m) {
        if (c == FitCase.K_BELOW_TRUTH) return "plateau (0)";
        if (c == FitCase.K_TOO_SMALL) return "−1/2 (see note)";
        return switch (m) {
            case CELL_BETA1, CELL_B -> "−1/8";
            case CELL_A, CELL_NU -> "−1/4";
            default -> "−1/2";
        };
    }

    private static Label plain(String text) { return unshrunk(new Label(text)); }

    private static Label value(String text) { return unshrunk(Labels.value(text)); }

    private static Label bold(String text) { return unshrunk(Labels.bold(text)); }
}
