package lab.softmax.views.collapse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.numeric.Precision;

/** The settings of the next run (the options of `train grokking`). */
final class ConfigForm extends GridPane {
    private final ComboBox<Operation> operation = new ComboBox<>();
    private final TextField modulus = new TextField();
    private final TextField trainFraction = new TextField();
    private final TextField hidden = new TextField();
    private final ComboBox<OptimizerKind> optimizer = new ComboBox<>();
    private final TextField lr = new TextField();
    private final TextField beta2 = new TextField();
    private final TextField eps = new TextField();
    private final TextField momentum = new TextField();
    private final ComboBox<LossKind> loss = new ComboBox<>();
    private final ComboBox<Precision> precision = new ComboBox<>();
    private final CheckBox orthograd = new CheckBox("⊥Grad");
    private final TextField epochs = new TextField();
    private final TextField logEvery = new TextField();
    private final TextField seed = new TextField();
    private CollapseConfig base = CollapseConfig.defaults();

    ConfigForm() {
        createView();
        initListeners();
    }

    private void createView() {
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(4, 0, 4, 0));
        operation.getItems().setAll(Operation.values());
        optimizer.getItems().setAll(OptimizerKind.values());
        loss.getItems().setAll(LossKind.values());
        precision.getItems().setAll(Precision.values());
        operation.setConverter(IdConverters.OPERATION);
        optimizer.setConverter(IdConverters.OPTIMIZER);
        loss.setConverter(IdConverters.LOSS);
        precision.setConverter(IdConverters.PRECISION);
        orthograd.setTooltip(new Tooltip("Project each weight matrix's gradient orthogonal to the weights, keep its norm. "
                + "Sets the official wiring's AdamW betas (0.9, 0.999), eps 1e-8, and SGD momentum 0.8."));
        precision.setTooltip(new Tooltip("Precision of the softmax CE loss and of the SC test (StableMax CE is always fp64)"));
        eps.setTooltip(new Tooltip("Adam epsilon; 1e-25 lets Adam turn ~1e-13 gradients of collapsed samples into full steps"));
        int row = 0;
        row = add(row, "operation", operation);
        row = add(row, "modulus p", modulus);
        row = add(row, "train fraction", trainFraction);
        row = add(row, "hidden widths", hidden);
        row = add(row, "optimizer", optimizer);
        row = add(row, "learning rate", lr);
        row = add(row, "β2", beta2);
        row = add(row, "Adam eps", eps);
        row = add(row, "SGD momentum", momentum);
        row = add(row, "loss", loss);
        row = add(row, "loss precision", precision);
        add(orthograd, 1, row++);
        row = add(row, "epochs", epochs);
        row = add(row, "log every", logEvery);
        add(row, "seed", seed);
    }

    private int add(int row, String label, javafx.scene.Node field) {
        add(new Label(label), 0, row);
        add(field, 1, row);
        if (field instanceof TextField t) t.setPrefColumnCount(8);
        return row + 1;
    }

    private void initListeners() {
        orthograd.selectedProperty().addListener((o, was, on) -> {
            beta2.setText(on ? "0.999" : "0.99");
            eps.setText(on ? "1e-8" : "1e-25");
            momentum.setText(on ? "0.8" : "0.2");
        });
    }

    void show(CollapseConfig c) {
        base = c;
        operation.setValue(c.operation());
        modulus.setText(Integer.toString(c.modulus()));
        trainFraction.setText(Double.toString(c.trainFraction()));
        hidden.setText(String.join(",", c.hidden().stream().map(String::valueOf).toList()));
        optimizer.setValue(c.optimizer());
        lr.setText(Double.toString(c.lr()));
        orthograd.setSelected(c.orthograd());
        beta2.setText(Double.toString(c.beta2()));
        eps.setText(Double.toString(c.eps()));
        momentum.setText(Double.toString(c.momentum()));
        loss.setValue(c.loss());
        precision.setValue(c.lossPrecision());
        epochs.setText(Integer.toString(c.epochs()));
        logEvery.setText(Integer.toString(c.logEvery()));
        seed.setText(Long.toString(c.seed()));
    }

    /** The config in the form; throws IllegalArgumentException naming the field at fault. */
    CollapseConfig read() {
        List<Integer> widths;
        try {
            widths = Arrays.stream(hidden.getText().split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hidden widths: '" + hidden.getText() + "' is not a list like 200,200");
        }
        return new CollapseConfig(base.task(), operation.getValue(), (int) number(modulus, "modulus p"),
                number(trainFraction, "train fraction"), widths, optimizer.getValue(), number(lr, "learning rate"),
                base.beta1(), number(beta2, "β2"), number(eps, "Adam eps"), number(momentum, "SGD momentum"),
                base.weightDecay(), loss.getValue(), precision.getValue(), orthograd.isSelected(),
                (int) number(epochs, "epochs"), (int) number(logEvery, "log every"), (long) number(seed, "seed"),
                base.parityBits(), base.noiseBits(), base.paritySamples());
    }

    private static double number(TextField f, String name) {
        try {
            return Double.parseDouble(f.getText().trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + f.getText() + "' is not a number");
        }
    }
}
