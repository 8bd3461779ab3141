package lab.softmax.views.kernels;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.kernels.StepTrace;

/**
 * The teaching view: the short vector x and the output y as two rows of cells; each step highlights
 * the element read (blue) and written (orange) and shows the running state of the pass.
 */
final class StepThroughPanel extends VBox {
    private final KernelsViewModel model;
    private final ComboBox<Algorithm> algorithm = new ComboBox<>();
    private final Slider step = new Slider();
    private final Button previous = new Button("◀ Step");
    private final Button next = new Button("Step ▶");
    private final Label pass = new Label();
    private final Label state = new Label();
    private final GridPane cells = new GridPane();

    StepThroughPanel(KernelsViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(8));
        algorithm.getItems().setAll(Algorithm.values());
        step.setBlockIncrement(1);
        step.setMajorTickUnit(1);
        step.setSnapToTicks(true);
        HBox.setHgrow(step, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Step through"), algorithm, previous, step, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        pass.setStyle("-fx-font-weight: bold");
        cells.setHgap(3);
        cells.setVgap(3);
        getChildren().addAll(bar, pass, cells, state);
    }

    private void initListeners() {
        algorithm.valueProperty().bindBidirectional(model.stepAlgorithmProperty());
        previous.setOnAction(e -> model.stepIndexProperty().set(Math.max(0, model.stepIndexProperty().get() - 1)));
        next.setOnAction(e -> model.stepIndexProperty().set(
                Math.min(model.traceProperty().get().size() - 1, model.stepIndexProperty().get() + 1)));
        step.valueProperty().addListener((o, a, b) -> {
            if (b.intValue() != model.stepIndexProperty().get()) model.stepIndexProperty().set(b.intValue());
        });
        model.stepIndexProperty().addListener(o -> refresh());
        model.traceProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        List<StepTrace.Step> steps = model.traceProperty().get();
        if (steps.isEmpty()) return;
        int i = Math.max(0, Math.min(steps.size() - 1, model.stepIndexProperty().get()));
        step.setMax(steps.size() - 1);
        step.setValue(i);
        StepTrace.Step s = steps.get(i);
        pass.setText(String.format(Locale.ROOT, "Pass %d of %d — %s (step %d of %d)", s.pass(),
                model.stepAlgorithmProperty().get().passes(), s.passName(), i + 1, steps.size()));
        state.setText("read " + s.source() + "[" + s.index() + "] = " + fmt(s.read())
                + (Double.isNaN(s.written()) ? "" : ", wrote y[" + s.index() + "] = " + fmt(s.written()))
                + "    state: " + s.state());
        double[] x = model.stepLogitsProperty().get();
        cells.getChildren().clear();
        cells.add(new Label("x"), 0, 0);
        cells.add(new Label("y"), 0, 1);
        for (int k = 0; k < x.length; k++) {
            Label xi = cell(fmt(x[k]), k == s.index() && s.source().equals("x") ? "#cfe3f7" : "#f4f4f4");
            Label yi = cell(Double.isNaN(s.output()[k]) ? "·" : fmt(s.output()[k]),
                    k == s.index() && !Double.isNaN(s.written()) ? "#fbd9c2"
                            : k == s.index() && s.source().equals("y") ? "#cfe3f7" : "#f4f4f4");
            cells.add(xi, k + 1, 0);
            cells.add(yi, k + 1, 1);
        }
    }

    private static Label cell(String text, String background) {
        Label l = new Label(text);
        l.setMinWidth(58);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.setPadding(new Insets(2, 4, 2, 4));
        // Light cells in either theme, so dark text (a dark theme's light text would vanish on them); em follows presentation mode.
        l.setStyle("-fx-background-color: " + background + "; -fx-text-fill: #111111; -fx-font-family: monospace; -fx-font-size: 0.88em");
        return l;
    }

    static String fmt(double v) {
        if (v == Double.NEGATIVE_INFINITY) return "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e4 || a < 1e-3 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
