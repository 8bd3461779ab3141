package lab.softmax.views.kernels;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.Impl;
import lab.softmax.engine.kernels.MachineInfo;
import lab.softmax.engine.kernels.VectorSupport;
import lab.softmax.views.common.Charts;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.Widths;
import org.jfree.chart.fx.ChartViewer;

/** The Kernels lab: benchmark controls on the left; throughput, bytes, results and the step-through in the middle. */
public final class KernelsView extends BorderPane {
    private final KernelsViewModel model;
    private final ThroughputChart throughput = new ThroughputChart();
    private final BytesChart bytes = new BytesChart();
    private final KernelsResultsTable table;
    private final StepThroughPanel stepThrough;
    private final Map<Algorithm, CheckBox> algorithmBoxes = new EnumMap<>(Algorithm.class);
    private final Map<Impl, CheckBox> implBoxes = new EnumMap<>(Impl.class);
    private final TextField sizes = new TextField();
    private final Spinner<Integer> threads = new Spinner<>(1, 16, 1);
    private final Spinner<Double> seconds = new Spinner<>(0.05, 10, 0.3, 0.05);
    /** The run button's label (the empty throughput chart names it). */
    static final String RUN_LABEL = "Run benchmark";
    private final Button run = new Button(RUN_LABEL);
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label machine = new Label();
    private final Label error = new Label();

    public KernelsView(KernelsViewModel model) {
        this.model = model;
        this.table = new KernelsResultsTable(model.results(), Bindings.createDoubleBinding(() -> {
            MachineInfo m = model.machineProperty().get();
            return m == null ? Double.NaN : Math.max(m.bandwidth().readGbps(), Math.max(m.bandwidth().copyGbps(), m.bandwidth().triadGbps()));
        }, model.machineProperty()), model.busyProperty());
        this.stepThrough = new StepThroughPanel(model);
        createView();
        initListeners();
    }

    ThroughputChart throughputChart() { return throughput; }

    BytesChart bytesChart() { return bytes; }

    private void createView() {
        VBox controls = new VBox(8);
        controls.setPadding(new Insets(10));
        Widths.pref(controls, 250);
        controls.getChildren().add(new Label("Algorithms"));
        for (Algorithm a : Algorithm.values()) {
            CheckBox box = new CheckBox(a.label());
            box.setTooltip(new Tooltip(a.minBytesPerElement(4) + " bytes and " + a.expsPerElement() + " exps per element, "
                    + a.passes() + " passes"));
            box.setId("algorithm-" + a.id());   // stable ids: lessons unlock controls by them
            algorithmBoxes.put(a, box);
            controls.getChildren().add(box);
        }
        controls.getChildren().addAll(new Separator(), new Label("Implementations"));
        for (Impl i : Impl.values()) {
            CheckBox box = new CheckBox(i == Impl.VECTOR ? "Vector API (" + VectorSupport.vectorBits() + " bits)" : "Scalar Java");
            box.setDisable(i == Impl.VECTOR && !VectorSupport.available());
            box.setId("impl-" + i.id());
            implBoxes.put(i, box);
            controls.getChildren().add(box);
        }
        sizes.setTooltip(new Tooltip("Vector lengths, e.g. 1K,16K,256K,4M,64M (K = 1024, M = 1024²)"));
        seconds.setEditable(true);
        threads.setEditable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        cancel.setDisable(true);
        sizes.setId("sizes");
        threads.setId("threads");
        seconds.setId("seconds");
        run.setId("run");
        cancel.setId("cancel");
        stepThrough.setId("step-through");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020");
        machine.setWrapText(true);
        status.setWrapText(true);
        controls.getChildren().addAll(new Separator(), new Label("Sizes N"), sizes, new Label("Threads per call"), threads,
                new Label("Seconds per kernel and size"), seconds, new HBox(8, run, cancel), progress, status, machine, error);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        setLeft(left);

        ChartViewer throughputViewer = Charts.viewer(throughput.chart());
        ChartViewer bytesViewer = Charts.viewer(bytes.chart());
        // Both charts share the width (a 1280-pixel window must show everything): small minimums, a split.
        throughputViewer.setMinSize(160, 100);
        bytesViewer.setMinSize(120, 100);
        SplitPane charts = new SplitPane(throughputViewer, bytesViewer);
        charts.setDividerPositions(0.66);
        table.setMinWidth(0);
        stepThrough.setMinWidth(0);
        SplitPane center = new SplitPane(charts, table, stepThrough);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5, 0.72);
        setCenter(center);
    }

    private void initListeners() {
        algorithmBoxes.forEach((a, b) -> b.selectedProperty().bindBidirectional(model.algorithmProperty(a)));
        implBoxes.forEach((i, b) -> b.selectedProperty().bindBidirectional(model.implProperty(i)));
        threads.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.threadsProperty().set(b); });
        model.threadsProperty().addListener((o, a, b) -> threads.getValueFactory().setValue(b.intValue()));
        threads.getValueFactory().setValue(model.threadsProperty().get());
        seconds.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) model.secondsProperty().set(b); });
        model.secondsProperty().addListener((o, a, b) -> seconds.getValueFactory().setValue(b.doubleValue()));
        seconds.getValueFactory().setValue(model.secondsProperty().get());
        sizes.setText(sizesText(model.sizesProperty().get()));
        model.sizesProperty().addListener((o, a, b) -> sizes.setText(sizesText(b)));
        sizes.setOnAction(e -> commitSizes());
        sizes.focusedProperty().addListener((o, was, now) -> { if (!now) commitSizes(); });
        run.setOnAction(e -> {
            commitSizes();
            RunningTask<?> task = model.run();
            if (task != null && model.busyProperty().get()) {
                progress.progressProperty().bind(task.progressProperty());
                status.textProperty().bind(task.messageProperty());
            }
        });
        cancel.setOnAction(e -> model.cancel());
        model.busyProperty().addListener((o, a, busy) -> {
            run.setDisable(busy);
            cancel.setDisable(!busy);
            if (!busy) {
                progress.progressProperty().unbind();
                status.textProperty().unbind();
                progress.setProgress(0);
                status.setText(model.results().isEmpty() ? "" : model.results().size() + " results");
            }
        });
        model.results().addListener((ListChangeListener<Object>) c -> redraw());
        model.machineProperty().addListener(o -> redraw());
        error.textProperty().bind(model.errorProperty());
        redraw();
    }

    private void redraw() {
        MachineInfo m = model.machineProperty().get();
        throughput.show(new ArrayList<>(model.results()), m);
        machine.setText(m == null ? "" : String.format(Locale.ROOT, "%d %s, %d-bit vectors; one thread: read %.1f, copy %.1f, triad %.1f GB/s",
                m.cores(), m.cores() == 1 ? "core" : "cores", m.vectorBits(), m.bandwidth().readGbps(), m.bandwidth().copyGbps(), m.bandwidth().triadGbps()));
    }

    private void commitSizes() {
        try {
            List<Integer> parsed = new ArrayList<>();
            for (String s : sizes.getText().split(",")) {
                if (s.isBlank()) continue;
                long v = CacheLevel.parseSize(s.trim());
                if (v < 1 || v > lab.softmax.engine.kernels.BenchConfig.MAX_SIZE) throw new IllegalArgumentException(s.trim());
                parsed.add((int) v);
            }
            if (parsed.isEmpty()) throw new IllegalArgumentException("(empty)");
            model.sizesProperty().set(List.copyOf(parsed));
        } catch (IllegalArgumentException e) {
            sizes.setText(sizesText(model.sizesProperty().get()));
        }
    }

    private static String sizesText(List<Integer> list) {
        return String.join(",", list.stream().map(n -> ThroughputChart.sizeLabel(n)).toList());
    }
}
