package lab.softmax.engine.distributions;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.io.LogitRules;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.numeric.Precision;

/** The Distributions lab's whole state: what a scenario file holds and the view restores. */
public record DistributionsState(double[] logits, double temperature, Precision precision,
                                 List<NormalizerKind> normalizers, boolean subtractMax, int topK,
                                 boolean logScale) {
    public static final ScenarioType<DistributionsState> TYPE =
            new ScenarioType<>("distributions", 1, DistributionsState.class);
    public static final double MIN_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 100;

    public DistributionsState {
        if (logits == null) throw new InputException("logits", "missing");
        LogitRules.require(logits, "", "logits");
        if (!(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
            throw new InputException("temperature", temperature + " is outside " + MIN_TEMPERATURE + ".." + MAX_TEMPERATURE);
        }
        if (precision == null) throw new InputException("precision", "missing");
        if (normalizers == null || normalizers.isEmpty()) {
            throw new InputException("normalizers", "choose at least one");
        }
        // Not normalizers.contains(null): immutable lists (List.of) throw NullPointerException on it.
        for (int i = 0; i < normalizers.size(); i++) {
            if (normalizers.get(i) == null) throw new InputException("normalizers[" + i + "]", "null entry");
        }
        normalizers = List.copyOf(normalizers);
        if (topK < 1) throw new InputException("topK", topK + " must be >= 1");
        logits = logits.clone();
    }

    public static DistributionsState defaults() {
        return new DistributionsState(new double[] {3.2, 1.3, 0.2, -0.8, -1.7, 2.1, 0.7, -3.0},
                1.0, Precision.FP32, List.of(NormalizerKind.SOFTMAX, NormalizerKind.STABLEMAX), true, 3, false);
    }

    @Override
    public double[] logits() { return logits.clone(); }

    public DistributionsState withLogits(double[] v) {
        return new DistributionsState(v, temperature, precision, normalizers, subtractMax, topK, logScale);
    }

    public DistributionsState withTemperature(double t) {
        return new DistributionsState(logits, t, precision, normalizers, subtractMax, topK, logScale);
    }
}
