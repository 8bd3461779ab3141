package lab.softmax.engine.attention;

import java.util.List;

/** Live reports from {@link NeedleTrainer}, on the training thread (a view marshals them to its UI thread). */
public interface NeedleListener {
    NeedleListener NONE = step -> { };

    /** After every optimiser step of every model. */
    void onStep(NeedleStep step);

    /** After a live evaluation (every {@link NeedleConfig#evalEvery()} steps) and after the final one. */
    default void onEval(NeedleMode mode, int step, List<NeedleEval> evals) { }
}
