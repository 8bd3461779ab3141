package lab.softmax.engine.nn;

import java.util.List;

/** Updates parameters from their gradients; keeps its own per-parameter state. */
public interface Optimizer {
    void step(List<Parameter> parameters);

    /** Steps taken so far. */
    long steps();
}
