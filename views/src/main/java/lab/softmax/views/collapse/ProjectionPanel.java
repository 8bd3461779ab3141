package lab.softmax.views.collapse;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lab.softmax.engine.nn.OrthoGradGeometry;

/**
 * ⊥Grad drawn as vectors for one weight matrix of the inspected run: the diagram, a chooser for the
 * matrix and the numbers behind it (norms, w.g, the angle, what ⊥Grad removes and how it rescales).
 * Before any inspection it says how to get there instead of showing an empty box.
 */
final class ProjectionPanel extends VBox {
    static final String PLACEHOLDER = "No run inspected yet. Train a run here (Add and start), pause it or let it finish, "
            + "then press Why?: this tab then draws each weight matrix's raw gradient against its weights, and what ⊥Grad "
            + "keeps of it.";
    private final ProjectionViewModel model;
    private final ComboBox<String> tensor = new ComboBox<>();
    private final Label description = new Label();
    private final VectorDiagram diagram = new VectorDiagram();
    private final Label numbers = new Label();
    private final Label legend = new Label();
    private final Label placeholder = new Label(PLACEHOLDER);
    private final Label problem = new Label();
    private boolean filling;

    ProjectionPanel(ProjectionViewModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    Label numbersLabel() { return numbers; }

    Label placeholderLabel() { return placeholder; }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(6));
        placeholder.setWrapText(true);
        description.setWrapText(true);
        description.getStyleClass().add("note");
        numbers.getStyleClass().add("value-label");
        numbers.setWrapText(true);
        legend.setWrapText(true);
        legend.getStyleClass().add("note");
        problem.setWrapText(true);
        problem.getStyleClass().add("badge-warn");
        HBox chooser = new HBox(6, new Label("weight matrix"), tensor);
        chooser.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        getChildren().addAll(placeholder, description, chooser, problem, legend, diagram, numbers);
    }

    private void initListeners() {
        description.textProperty().bind(model.descriptionProperty());
        tensor.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!filling && i.intValue() >= 0) model.chosenProperty().set(i.intValue());
        });
        model.tensorsProperty().addListener((o, a, list) -> fill(list));
        model.shownProperty().addListener((o, a, g) -> show(g));
        model.appliedProperty().addListener((o, a, b) -> show(model.shownProperty().get()));
        fill(model.tensorsProperty().get());
        show(model.shownProperty().get());
    }

    private void fill(List<OrthoGradGeometry> list) {
        filling = true;
        tensor.getItems().setAll(list.stream().map(g -> g.name() + " (" + g.rows() + "×" + g.cols() + ")").toList());
        if (!list.isEmpty()) tensor.getSelectionModel().select(Math.min(model.chosenProperty().get(), list.size() - 1));
        filling = false;
    }

    Label problemLabel() { return problem; }

    Label legendLabel() { return legend; }

    private void show(OrthoGradGeometry g) {
        boolean empty = g == null;
        boolean drawable = !empty && g.isFinite();
        placeholder.setVisible(empty);
        placeholder.setManaged(empty);
        for (var n : List.of(description, tensor.getParent())) {
            n.setVisible(!empty);
            n.setManaged(!empty);
        }
        // a diverged run (NaN weights or gradient): the reason instead of a drawing and numbers of NaN
        for (var n : List.of(legend, diagram, numbers)) {
            n.setVisible(drawable);
            n.setManaged(drawable);
        }
        problem.setText(model.problemProperty().get());
        problem.setVisible(!empty && !drawable);
        problem.setManaged(!empty && !drawable);
        boolean applied = model.appliedProperty().get();
        legend.setText(legendText(applied));
        diagram.show(drawable ? g : null);
        numbers.setText(drawable ? numbersText(g, applied) : "");
    }

    static String legendText(boolean applied) {
        return "Drawn to true angles in the plane of w and g. w has its own length; g, g∥, g⊥ and the rescaled g⊥ share one "
                + "scale (dotted circle: |g|). −g is the raw descent direction; "
                + (applied ? "this run uses ⊥Grad, so its optimiser receives the rescaled g⊥ instead of g"
                        : "this run does not use ⊥Grad: g⊥ and its rescaling show what ⊥Grad would hand the optimiser")
                + ". An Adam-type optimiser then rescales each coordinate, so its step lies along none of these vectors.";
    }

    static String numbersText(OrthoGradGeometry g, boolean applied) {
        return String.format(Locale.ROOT,
                "|w| %.4g   |g| %.4g   w·g %.4g%n"
                        + "cos θ %.4f   θ %.2f°   NLM cos(−g, w) %.4f%n"
                        + "g∥ = (w·g/w·w) w: length %.4g (%.1f %% of |g|)%n"
                        + "|g⊥| %.4g, rescaled ×%.4g to |g| = %.4g: " + (applied
                        ? "what this run's optimiser receives: the same size, but no component along w"
                        : "what ⊥Grad would hand the optimiser (this run uses the raw g)"),
                g.weightNorm(), g.gradNorm(), g.dot(), g.cosine(), g.angleDegrees(), g.nlmCosine(),
                Math.abs(g.parallelComponent()), g.gradNorm() == 0 ? 0 : 100 * Math.abs(g.parallelComponent()) / g.gradNorm(),
                g.perpNorm(), g.rescale(), g.perpNorm() * g.rescale());
    }
}
