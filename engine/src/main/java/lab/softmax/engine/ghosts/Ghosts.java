package lab.softmax.engine.ghosts;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.task.Cancellation;

/** Entry point of the Ghosts lab's analysis: ρ_a, ρ*, the nearest zero and the zeros within M·ρ_a. */
public final class Ghosts {
    /** The CLI's default M in "zeros with |t| ≤ M·ρ_a". */
    public static final double DEFAULT_WITHIN = 3;
    /** Largest M: the zeros within M·ρ_a grow with M (about M·K/π of them), and so does the search. */
    public static final double MAX_WITHIN = 1000;
    /** Beyond this ρ_a (Δa below ~1e-250) the radius is reported as infinite, like the paper's inf_if_small. */
    static final double LARGEST_FINITE_RADIUS = 1e250;

    private Ghosts() { }

    public static GhostsResult analyse(double[] logits, double[] direction, double withinFactor) {
        return analyse(ExponentialSum.of(logits, direction), withinFactor);
    }

    /** Logits and slopes both divided by the temperature T: ρ_a scales by exactly T, ρ* does not. */
    public static GhostsResult analyse(double[] logits, double[] direction, double withinFactor, double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException("temperature", temperature + " must be a positive number");
        }
        return analyse(scale(logits, temperature), scale(direction, temperature), withinFactor);
    }

    public static GhostsResult analyse(ExponentialSum f, double withinFactor) {
        return analyse(f, withinFactor, Cancellation.none());
    }

    /** As above; a cancelled search throws {@link lab.softmax.engine.task.CancelledException}. */
    public static GhostsResult analyse(double[] logits, double[] direction, double withinFactor, Cancellation cancellation) {
        return analyse(ExponentialSum.of(logits, direction), withinFactor, cancellation);
    }

    public static GhostsResult analyse(ExponentialSum f, double withinFactor, Cancellation cancellation) {
        if (!(withinFactor >= 0 && withinFactor <= MAX_WITHIN)) {
            throw new InputException("zeros-within", withinFactor + " is outside 0.." + (int) MAX_WITHIN);
        }
        double rhoA = f.rhoA();
        if (f.termCount() < 2 || !(rhoA < LARGEST_FINITE_RADIUS)) {
            return new GhostsResult(f.deltaA(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, null, List.of(),
                    withinFactor, "none", 0);
        }
        double radius = withinFactor * rhoA;
        if (BinaryClosedForm.applies(f)) {
            Zero nearest = BinaryClosedForm.zero(f, 0);
            return new GhostsResult(f.deltaA(), rhoA, nearest.abs(), nearest, BinaryClosedForm.zerosWithin(f, radius),
                    withinFactor, "binary-closed-form", 0);
        }
        ZeroFinder finder = new ZeroFinder(f, cancellation);
        List<Zero> zeros = finder.zerosWithin(radius);
        Zero nearest = zeros.isEmpty() ? finder.nearest() : zeros.get(0);
        return new GhostsResult(f.deltaA(), rhoA, nearest.abs(), nearest, zeros, withinFactor, "numerical",
                finder.boxesExamined());
    }

    static double[] scale(double[] v, double temperature) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] / temperature;
        return out;
    }
}
