package lab.softmax.engine.collapse;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.io.ScenarioType;

/**
 * The Collapse lab's whole state: the runs (config + recorded metrics, so a saved run reopens
 * into the same charts without retraining), which run is selected and which training sample the
 * "why" panel inspects.
 */
public record CollapseState(List<CollapseRun> runs, int selectedRun, int inspectedSample, boolean logEpochAxis) {
    public static final ScenarioType<CollapseState> TYPE = new ScenarioType<>("collapse", 1, CollapseState.class);

    public CollapseState {
        if (runs == null || runs.isEmpty()) throw new InputException("runs", "at least one run");
        runs = List.copyOf(runs);
        if (selectedRun < 0 || selectedRun >= runs.size()) {
            throw new InputException("selectedRun", selectedRun + " is outside 0.." + (runs.size() - 1));
        }
        if (inspectedSample < 0) throw new InputException("inspectedSample", inspectedSample + " must be >= 0");
    }

    public static CollapseState defaults() {
        return new CollapseState(List.of(new CollapseRun("AdamW fp32", CollapseConfig.defaults(), List.of())), 0, 0, true);
    }

    public CollapseState withRuns(List<CollapseRun> r) {
        return new CollapseState(r, Math.min(selectedRun, r.size() - 1), inspectedSample, logEpochAxis);
    }
}
