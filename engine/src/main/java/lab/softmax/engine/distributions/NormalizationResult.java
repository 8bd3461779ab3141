package lab.softmax.engine.distributions;

import java.util.PriorityQueue;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;

/**
 * Probabilities in the chosen precision beside the float64 reference, with every numerical
 * event counted: exp overflow, terms absorbed by the sum, underflow to exact zero. Each read-out is a pass
 * over the vector; the forms taking a {@link Cancellation} check it every
 * {@link Cancellation#ELEMENTS_PER_CHECK} entries.
 */
public record NormalizationResult(NormalizerKind kind, double temperature, Precision precision,
                                  boolean subtractMax, double[] probabilities, double[] reference,
                                  double logSumExp, int overflowCount, int absorbedCount, double denominator) {

    /**
     * True when the normalising sum came out exactly 1 although other terms were positive: every
     * term but the largest was absorbed (Softmax Collapse's precondition; docs/labs/collapse.md).
     */
    public boolean sumRoundedToOne() {
        return denominator == 1.0 && absorbedCount > 0;
    }

    /** Entries whose float64 value is > 0 but came out exactly 0 in the precision. */
    public int underflowCount() { return underflowCount(Cancellation.none()); }

    public int underflowCount(Cancellation cancellation) {
        int n = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cancellation.throwIfCancelledAt(i);
            if (probabilities[i] == 0 && reference[i] > 0) n++;
        }
        return n;
    }

    /** Exact zeros that are meant (sparsemax/entmax support, masked entries): zero in float64 too. */
    public int exactZeroCount() { return exactZeroCount(Cancellation.none()); }

    public int exactZeroCount(Cancellation cancellation) {
        int n = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cancellation.throwIfCancelledAt(i);
            if (probabilities[i] == 0 && reference[i] == 0) n++;
        }
        return n;
    }

    public int nanCount() { return nanCount(Cancellation.none()); }

    public int nanCount(Cancellation cancellation) {
        int n = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cancellation.throwIfCancelledAt(i);
            if (Double.isNaN(probabilities[i])) n++;
        }
        return n;
    }

    /** Sum of the probabilities as computed (in float64 over the rounded values). */
    public double total() { return total(Cancellation.none()); }

    public double total(Cancellation cancellation) {
        double s = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cancellation.throwIfCancelledAt(i);
            s += probabilities[i];
        }
        return s;
    }

    /** -sum p log p in nats (0 log 0 = 0); NaN when any probability is NaN. */
    public double entropyNats() { return entropy(probabilities); }

    public double entropyNats(Cancellation cancellation) { return entropy(probabilities, cancellation); }

    public static double entropy(double[] p) { return entropy(p, Cancellation.none()); }

    static double entropy(double[] p, Cancellation cancellation) {
        double h = 0;
        for (int i = 0; i < p.length; i++) {
            cancellation.throwIfCancelledAt(i);
            double v = p[i];
            if (Double.isNaN(v)) return Double.NaN;
            if (v > 0) h -= v * Math.log(v);
        }
        return h;
    }

    /** Mass of the k largest probabilities. */
    public double topKMass(int k) { return topKMass(k, Cancellation.none()); }

    public double topKMass(int k, Cancellation cancellation) {
        PriorityQueue<Double> smallestOfTop = new PriorityQueue<>();
        for (int i = 0; i < probabilities.length; i++) {
            cancellation.throwIfCancelledAt(i);
            double p = probabilities[i];
            if (Double.isNaN(p)) return Double.NaN;
            if (smallestOfTop.size() < k) {
                smallestOfTop.add(p);
            } else if (k > 0 && p > smallestOfTop.peek()) {
                smallestOfTop.poll();
                smallestOfTop.add(p);
            }
        }
        double s = 0;
        for (double p : smallestOfTop) s += p;
        return s;
    }

    /** Largest relative error against float64 over the entries the reference gives mass. */
    public double maxRelativeError() { return maxRelativeError(Cancellation.none()); }

    public double maxRelativeError(Cancellation cancellation) {
        double worst = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cancellation.throwIfCancelledAt(i);
            double r = reference[i];
            if (r > 0) {
                worst = Math.max(worst, Math.abs(probabilities[i] - r) / r);
            } else if (probabilities[i] != 0) {
                worst = Double.POSITIVE_INFINITY;
            }
        }
        return worst;
    }
}
