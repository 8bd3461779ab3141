package lab.softmax.app;

import java.util.List;
import lab.softmax.engine.io.ScenarioIO;
import lab.softmax.engine.io.ScenarioType;

/** Every registered lab's scenario formats (from {@link Labs#REGISTERED}) and the reader/writer for them. */
public final class ScenarioTypes {
    public static final List<ScenarioType<?>> ALL = Labs.scenarioTypes();

    private ScenarioTypes() { }

    public static ScenarioIO io() { return new ScenarioIO(ALL); }
}
