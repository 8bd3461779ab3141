package lab.softmax.views.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.softmax.engine.collapse.LossKind;
import lab.softmax.engine.collapse.Operation;
import lab.softmax.engine.collapse.OptimizerKind;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/** The config form's choices read as the command line's ids (docs/cli.md), in both directions. */
class IdConvertersTest {
    @Test
    void choicesShowTheCommandLineIds() {
        assertEquals("add", IdConverters.OPERATION.toString(Operation.ADD));
        assertEquals("mul", IdConverters.OPERATION.toString(Operation.MUL));
        assertEquals("adamw", IdConverters.OPTIMIZER.toString(OptimizerKind.ADAMW));
        assertEquals("sgd", IdConverters.OPTIMIZER.toString(OptimizerKind.SGD));
        assertEquals("softmax-ce", IdConverters.LOSS.toString(LossKind.SOFTMAX_CE));
        assertEquals("stablemax-ce", IdConverters.LOSS.toString(LossKind.STABLEMAX_CE));
        assertEquals("bf16", IdConverters.PRECISION.toString(Precision.BF16));
        assertEquals("", IdConverters.LOSS.toString(null));
    }

    @Test
    void idsParseBack() {
        assertEquals(LossKind.SOFTMAX_CE, IdConverters.LOSS.fromString("softmax-ce"));
        assertEquals(OptimizerKind.ADAMW, IdConverters.OPTIMIZER.fromString(" adamw "));
        for (Operation o : Operation.values()) assertEquals(o, IdConverters.OPERATION.fromString(IdConverters.OPERATION.toString(o)));
        for (Precision p : Precision.values()) assertEquals(p, IdConverters.PRECISION.fromString(IdConverters.PRECISION.toString(p)));
    }
}
