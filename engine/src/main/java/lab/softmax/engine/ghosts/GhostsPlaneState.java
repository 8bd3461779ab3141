package lab.softmax.engine.ghosts;

import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.ScenarioType;

/**
 * The Ghosts lab's complex-plane view: logits, direction (a_k = ∇z_k·v), temperature, the true
 * class whose loss is expanded, the highest Taylor degree drawn, and the picture mode.
 */
public record GhostsPlaneState(double[] logits, double[] direction, double temperature, int target,
                               int degree, boolean phasePortrait) {
    public static final ScenarioType<GhostsPlaneState> TYPE = new ScenarioType<>("ghosts", 1, GhostsPlaneState.class);

    public GhostsPlaneState {
        if (logits == null || logits.length == 0) throw new InputException("logits", "missing or empty");
        if (direction == null) throw new InputException("direction", "missing");
        if (direction.length != logits.length) {
            throw new InputException("direction", "length " + direction.length + " differs from logits length " + logits.length);
        }
        ExponentialSum.of(logits, direction); // validates every entry, naming the index
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException("temperature", temperature + " must be a finite number > 0");
        }
        if (target < 0 || target >= logits.length || logits[target] == Double.NEGATIVE_INFINITY) {
            throw new InputException("target", target + " is not an unmasked class index");
        }
        if (degree < 1 || degree > LossTaylor.MAX_DEGREE) {
            throw new InputException("degree", degree + " is outside 1.." + LossTaylor.MAX_DEGREE);
        }
        logits = logits.clone();
        direction = direction.clone();
    }

    public static GhostsPlaneState defaults() {
        return new GhostsPlaneState(new double[] {1.5, 0.4, -0.3, 0.9, -1.0},
                new double[] {0.8, -1.1, 1.6, 0.2, -0.4}, 1.0, 0, 16, false);
    }

    @Override public double[] logits() { return logits.clone(); }

    @Override public double[] direction() { return direction.clone(); }
}
