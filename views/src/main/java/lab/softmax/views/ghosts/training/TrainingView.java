package lab.softmax.views.ghosts.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.ghosts.training.OneStepSweep;
import lab.softmax.engine.ghosts.training.StepRecord;
import lab.softmax.engine.ghosts.training.StepSafetyConfig;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.Decimation;
import lab.softmax.views.common.OnePerFrame;
import lab.softmax.views.common.Widths;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Step-size safety, live: the spike test's train loss, test accuracy and r = τ/ρ_a per step for each
 * policy side by side (r = 1 marked), or the one-step sweep's loss ratio and test accuracy against r.
 */
public final class TrainingView extends BorderPane {
    private static final double FLOOR = 1e-12;
    private static final String TO_THE_END = "to the end";
    private static final String FULL = "full";
    private final TrainingViewModel model;
    private final ChoiceBox<String> experiment = new ChoiceBox<>();
    private final ChoiceBox<DatasetKind> dataset = new ChoiceBox<>();
    private final ChoiceBox<ModelKind> net = new ChoiceBox<>();
    private final TextField lr = new TextField();
    private final ChoiceBox<Double> spikeFactor = new ChoiceBox<>();
    private final Spinner<Integer> spikeAt = new Spinner<>(0, 100_000, 50);
    /** Spiked steps: spike-until = spike-at + this; "to the end" spikes every step from spike-at on. */
    private final ChoiceBox<String> spikeLength = new ChoiceBox<>();
    private final ChoiceBox<String> batch = new ChoiceBox<>();
    private final Spinner<Integer> steps = new Spinner<>(1, 100_000, 200);
    private final Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 0);
    private final Map<Controller, CheckBox> policies = new EnumMap<>(Controller.class);
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private final Map<Controller, XYSeries> loss = new EnumMap<>(Controller.class);
    private final Map<Controller, XYSeries> accuracy = new EnumMap<>(Controller.class);
    private final Map<Controller, XYSeries> ratio = new EnumMap<>(Controller.class);
    /** Steps of each policy already in its series (the series may hold fewer points: they are thinned). */
    private final Map<Controller, Integer> plottedSteps = new EnumMap<>(Controller.class);
    private final XYSeries sweepLoss = new XYSeries("loss ratio L(θ+τv)/L(θ)");
    private final XYSeries sweepAccuracy = new XYSeries("test accuracy");
    private final List<JFreeChart> spikeCharts = new ArrayList<>();
    private final List<JFreeChart> sweepCharts = new ArrayList<>();
    private final VBox chartBox = new VBox(4);
    private final LrStepMapChart map = new LrStepMapChart();
    /** Where the exact batch rho* lies on the sweep's r axis (r = rho* / rho_a), once a sweep has finished. */
    private final List<ValueMarker> rhoStarMarkers = new ArrayList<>();
    /** True while the controls are being set from the state, so their events do not write it back. */
    private boolean showing;

    public TrainingView(TrainingViewModel model) {
        this.model = model;
        createView();
        initListeners();
        showState(model.stateProperty().get());
    }

    /** The charts currently shown, top to bottom (for SVG export). */
    public List<JFreeChart> charts() {
        return switch (model.stateProperty().get().experiment()) {
            case GhostsTrainingState.SPIKE_TEST -> spikeCharts;
            case GhostsTrainingState.LR_STEP_MAP -> List.of(map.chart());
            default -> sweepCharts;
        };
    }

    private void createView() {
        experiment.getItems().addAll(GhostsTrainingState.SPIKE_TEST, GhostsTrainingState.ONE_STEP_SWEEP, GhostsTrainingState.LR_STEP_MAP);
        dataset.getItems().addAll(DatasetKind.values());
        dataset.setConverter(converter(DatasetKind::id, DatasetKind::parse));
        net.getItems().addAll(ModelKind.values());
        net.setConverter(converter(ModelKind::id, ModelKind::parse));
        spikeFactor.getItems().addAll(1.0, 10.0, 100.0, 1000.0, 10000.0);
        spikeLength.getItems().addAll(TO_THE_END, "1 step", "10 steps", "50 steps");
        batch.getItems().addAll("64", "128", FULL);
        for (Spinner<Integer> s : List.of(spikeAt, steps, seed)) s.setEditable(true);
        // stable ids: lessons unlock controls by them
        experiment.setId("experiment");
        dataset.setId("dataset");
        net.setId("model");
        lr.setId("learning-rate");
        spikeFactor.setId("spike-factor");
        spikeAt.setId("spike-at");
        spikeLength.setId("spike-length");
        batch.setId("batch");
        steps.setId("steps");
        seed.setId("seed");
        run.setId("run");
        cancel.setId("cancel");
        VBox controls = new VBox(6, new Label("Experiment"), experiment, new Label("Data set"), dataset, new Label("Model"), net,
                new Label("Base learning rate"), lr, new Label("Spike factor"), spikeFactor, new Label("Spike from step"), spikeAt,
                new Label("Spike length"), spikeLength, new Label("Batch (rows per step)"), batch,
                new Label("Steps"), steps, new Label("Seed"), seed, new Label("Policies"));
        for (Controller c : Controller.values()) {
            CheckBox box = new CheckBox(switch (c) {
                case NONE -> "plain";
                case CLIP -> "gradient clipping";
                case RHO -> "ρ-controller";
            });
            box.setId("policy-" + c.id());
            policies.put(c, box);
            controls.getChildren().add(box);
        }
        status.setWrapText(true);
        controls.getChildren().addAll(run, cancel, status);
        controls.setPadding(new Insets(8));
        Widths.pref(controls, 210);
        setLeft(controls);

        spikeCharts.add(stepChart("Training loss", "train loss (log)", loss, true, false));
        spikeCharts.add(stepChart("Test accuracy", "test accuracy", accuracy, false, false));
        spikeCharts.add(stepChart("Normalised step r = τ/ρ_a (r ≤ 1 is inside the certified radius)", "r (log)", ratio, true, true));
        sweepCharts.add(sweepChart("One step of τ = r·ρ_a along −∇L", "loss ratio (log)", sweepLoss, true));
        sweepCharts.add(sweepChart("Test accuracy after the step", "test accuracy", sweepAccuracy, false));
        setCenter(chartBox);
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> show,
                                                              java.util.function.Function<String, T> parse) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) { return value == null ? "" : show.apply(value); }

            @Override
            public T fromString(String text) { return parse.apply(text); }
        };
    }

    private JFreeChart stepChart(String title, String yLabel, Map<Controller, XYSeries> series, boolean log, boolean unitLine) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Controller c : Controller.values()) {
            XYSeries s = new XYSeries(c.id());
            series.put(c, s);
            data.addSeries(s);
        }
        JFreeChart chart = Charts.lineChart(title, "step", yLabel, data);
        if (log) chart.getXYPlot().setRangeAxis(Charts.logAxis(yLabel));
        if (unitLine) marker(chart.getXYPlot(), false);
        return chart;
    }

    private JFreeChart sweepChart(String title, String yLabel, XYSeries s, boolean logY) {
        JFreeChart chart = Charts.lineChart(title, "r = τ/ρ_a (log)", yLabel, new XYSeriesCollection(s));
        chart.getXYPlot().setDomainAxis(Charts.logAxis("r = τ/ρ_a (log)"));
        if (logY) {
            chart.getXYPlot().setRangeAxis(Charts.logAxis(yLabel));
            marker(chart.getXYPlot(), false);
        }
        marker(chart.getXYPlot(), true);
        ValueMarker rhoStar = new ValueMarker(1.0, new Color(0x009E73), new BasicStroke(1.5f));
        rhoStar.setLabel("ρ*/ρ_a");
        rhoStar.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        rhoStarMarkers.add(rhoStar);
        return chart;
    }

    /** A dashed line at 1: r = 1 on the domain, or loss ratio 1 / r = 1 on the range. */
    private static void marker(XYPlot plot, boolean domain) {
        ValueMarker m = new ValueMarker(1.0, new Color(0x555555), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
        if (domain) plot.addDomainMarker(m); else plot.addRangeMarker(m);
    }

    private void initListeners() {
        experiment.setOnAction(e -> { pushState(); showCharts(); });
        for (var c : List.of(dataset, net, spikeFactor)) c.setOnAction(e -> pushState());
        for (var c : List.of(spikeLength, batch)) c.setOnAction(e -> pushState());
        lr.setOnAction(e -> pushState());
        lr.focusedProperty().addListener((o, was, now) -> { if (!now) pushState(); });
        for (Spinner<Integer> s : List.of(spikeAt, steps, seed)) s.valueProperty().addListener((o, a, b) -> pushState());
        policies.values().forEach(b -> b.setOnAction(e -> pushState()));
        run.setOnAction(e -> {
            if (pushState()) model.run();
        });
        cancel.setOnAction(e -> model.cancel());
        // Set, not bound: a lesson locks this button by disabling it (docs/lessons.md).
        cancel.setDisable(!model.busyProperty().get());
        model.busyProperty().addListener((o, was, busy) -> cancel.setDisable(!busy));
        status.textProperty().bind(model.statusProperty());
        model.revisionProperty().addListener((o, a, b) -> refresh());
        model.stateProperty().addListener((o, a, s) -> showState(s));
    }

    /** Control values → a new state; false (with the problem shown) when a value is invalid. */
    private boolean pushState() {
        if (showing) return true;
        GhostsTrainingState s = model.stateProperty().get();
        try {
            List<Controller> chosen = new ArrayList<>();
            for (Controller c : Controller.values()) if (policies.get(c).isSelected()) chosen.add(c);
            int until = TO_THE_END.equals(spikeLength.getValue()) ? Math.max(steps.getValue(), spikeAt.getValue())
                    : spikeAt.getValue() + Integer.parseInt(spikeLength.getValue().split(" ")[0]);
            int rows = FULL.equals(batch.getValue()) ? StepSafetyConfig.FULL_BATCH : Integer.parseInt(batch.getValue());
            GhostsTrainingState next = new GhostsTrainingState(experiment.getValue(), dataset.getValue(), net.getValue(), s.optimizer(),
                    Double.parseDouble(lr.getText().trim()), spikeFactor.getValue(), spikeAt.getValue(), until, chosen,
                    s.clipNorm(), steps.getValue(), seed.getValue(), rows, s.sweepTrainSteps(), s.sweepLr(),
                    s.rMin(), s.rMax(), s.sweepPoints());
            model.stateProperty().set(next);
            lr.setStyle("");
            return true;
        } catch (IllegalArgumentException e) {
            lr.setStyle("-fx-border-color: #D55E00;");
            run.setTooltip(new javafx.scene.control.Tooltip(e.getMessage()));
            return false;
        }
    }

    private void showState(GhostsTrainingState s) {
        showing = true;
        try {
            setControls(s);
        } finally {
            showing = false;
        }
        showCharts();
    }

    private void setControls(GhostsTrainingState s) {
        experiment.setValue(s.experiment());
        dataset.setValue(s.dataset());
        net.setValue(s.model());
        lr.setText(Double.toString(s.lr()));
        if (!spikeFactor.getItems().contains(s.spikeFactor())) spikeFactor.getItems().add(s.spikeFactor());
        spikeFactor.setValue(s.spikeFactor());
        spikeAt.getValueFactory().setValue(s.spikeAt());
        String length = s.spikeUntil() >= s.steps() ? TO_THE_END
                : (s.spikeUntil() - s.spikeAt()) + (s.spikeUntil() - s.spikeAt() == 1 ? " step" : " steps");
        if (!spikeLength.getItems().contains(length)) spikeLength.getItems().add(length);
        spikeLength.setValue(length);
        String rows = s.batchSize() == StepSafetyConfig.FULL_BATCH ? FULL : Integer.toString(s.batchSize());
        if (!batch.getItems().contains(rows)) batch.getItems().add(rows);
        batch.setValue(rows);
        steps.getValueFactory().setValue(s.steps());
        seed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, s.seed()));
        for (Controller c : Controller.values()) policies.get(c).setSelected(s.controllers().contains(c));
    }

    private void showCharts() {
        chartBox.getChildren().clear();
        for (JFreeChart chart : charts()) {
            ChartViewer viewer = Charts.viewer(chart);
            VBox.setVgrow(viewer, Priority.ALWAYS);
            chartBox.getChildren().add(viewer);
        }
    }

    /**
     * Appends the steps that arrived since the last refresh (a new run starts from empty series); the series are
     * thinned as they grow ({@link Decimation}), so a 100 000-step run redraws as fast as a short one.
     */
    private void refresh() {
        // the shown charts redrawn once for the whole batch (not once per series), and one chart per frame
        List<JFreeChart> all = charts();
        for (JFreeChart chart : all) OnePerFrame.hold(chart);
        try {
            appendFresh();
        } finally {
            for (JFreeChart chart : all) OnePerFrame.release(chart);
        }
    }

    private void appendFresh() {
        for (Controller c : Controller.values()) {
            int count = model.stepCount(c);
            if (count < plottedSteps.getOrDefault(c, 0)) {
                loss.get(c).clear();
                accuracy.get(c).clear();
                ratio.get(c).clear();
                plottedSteps.put(c, 0);
            }
            List<StepRecord> fresh = model.steps(c, plottedSteps.getOrDefault(c, 0));
            if (fresh.isEmpty()) continue;
            append(loss.get(c), fresh, r -> Math.max(FLOOR, r.trainLoss()));
            append(accuracy.get(c), fresh, StepRecord::testAcc);
            append(ratio.get(c), fresh, r -> Math.max(FLOOR, r.r()));
            plottedSteps.merge(c, fresh.size(), Integer::sum);
        }
        map.show(model.mapRows());
        List<OneStepSweep.Point> points = model.sweepPoints();
        if (points.size() < sweepLoss.getItemCount()) {
            sweepLoss.clear();
            sweepAccuracy.clear();
        }
        OneStepSweep.Result result = model.sweepResult();
        for (int i = 0; i < rhoStarMarkers.size(); i++) {
            XYPlot plot = sweepCharts.get(i).getXYPlot();
            ValueMarker m = rhoStarMarkers.get(i);
            plot.removeDomainMarker(m);
            if (result != null && Double.isFinite(result.rhoStar() / result.rhoA())) {
                m.setValue(result.rhoStar() / result.rhoA());
                plot.addDomainMarker(m);
            }
        }
        for (int i = sweepLoss.getItemCount(); i < points.size(); i++) {
            OneStepSweep.Point p = points.get(i);
            sweepLoss.add(p.r(), Math.max(FLOOR, p.lossRatio()), i == points.size() - 1);
            sweepAccuracy.add(p.r(), p.testAcc(), i == points.size() - 1);
        }
    }

    private static void append(XYSeries series, List<StepRecord> fresh, java.util.function.ToDoubleFunction<StepRecord> y) {
        for (StepRecord r : fresh) {
            double v = y.applyAsDouble(r);
            series.add(r.step(), Double.isFinite(v) ? v : Double.NaN, false);
        }
        if (!Decimation.thin(series, false)) series.fireSeriesChanged();
    }
}
