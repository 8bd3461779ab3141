package lab.softmax.engine.collapse;

import lab.softmax.engine.io.InputException;
import java.util.List;

/** One run of the Collapse lab as saved in a scenario: a label, its config and the metrics logged so far. */
public record CollapseRun(String label, CollapseConfig config, List<EpochMetrics> metrics) {
    public CollapseRun {
        if (config == null) throw new InputException("config", "missing");
        label = label == null || label.isBlank() ? "run" : label;
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i) == null) throw new InputException("metrics[" + i + "]", "null");
        }
    }

    /** First logged epoch whose SC fraction exceeds the threshold (0.5 in the lab), or -1. */
    public int firstEpochAbove(double scThreshold) {
        for (EpochMetrics m : metrics) if (m.scFraction() > scThreshold) return m.epoch();
        return -1;
    }
}
