package lab.softmax.views.collapse;

import java.util.function.Function;
import javafx.util.StringConverter;
import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.numeric.Precision;

/** The form shows the same ids the command line takes (add, adamw, softmax-ce, fp32), not enum constant names. */
final class IdConverters {
    static final StringConverter<Operation> OPERATION = of(Operation::id, Operation::parse);
    static final StringConverter<OptimizerKind> OPTIMIZER = of(OptimizerKind::id, OptimizerKind::parse);
    static final StringConverter<LossKind> LOSS = of(LossKind::id, LossKind::parse);
    static final StringConverter<Precision> PRECISION = of(Precision::id, Precision::parse);

    private IdConverters() { }

    static <E> StringConverter<E> of(Function<E, String> id, Function<String, E> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) { return value == null ? "" : id.apply(value); }

            @Override
            public E fromString(String text) { return text == null || text.isBlank() ? null : parse.apply(text.strip()); }
        };
    }
}
