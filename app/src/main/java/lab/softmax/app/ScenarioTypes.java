package lab.softmax.app;

import java.util.List;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.ghosts.GhostsState;
import lab.softmax.engine.io.ScenarioIO;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.engine.normalize.DistributionsState;

/** Every lab's scenario format; a lab that is added registers its type here. */
public final class ScenarioTypes {
    public static final List<ScenarioType<?>> ALL = List.of(
            KernelsState.TYPE,
            DistributionsState.TYPE,
            GhostsPlaneState.TYPE,
            GhostsState.TYPE,
            CollapseState.TYPE);

    private ScenarioTypes() { }

    public static ScenarioIO io() { return new ScenarioIO(ALL); }
}
