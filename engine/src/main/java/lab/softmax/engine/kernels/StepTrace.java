package lab.softmax.engine.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lab.softmax.engine.numeric.Precision;

/**
 * The teaching trace of one algorithm on a short vector: every step of every pass, in fp32
 * arithmetic, with what was read, what was written and the running state afterwards — the
 * (max, sum) of three-pass and online, the (mantissa, exponent) of two-pass.
 */
public final class StepTrace {
    /**
     * One step.
     * @param pass     1-based pass number
     * @param passName what the pass does
     * @param index    the element touched
     * @param source   "x" or "y": which array was read
     * @param read     the value read
     * @param written  the value written to y[index], or NaN when the step writes nothing
     * @param state    the running state after the step, in words
     * @param output   y after the step (NaN where not yet written)
     */
    public record Step(int pass, String passName, int index, String source, double read, double written,
                       String state, double[] output) { }

    private static final Precision F = Precision.FP32;
    private static final double LN2 = Math.log(2);

    private StepTrace() { }

    /** @param logits finite or -Infinity, at least one finite, at most {@link KernelsState#MAX_STEP_LENGTH} */
    public static List<Step> trace(Algorithm algorithm, double[] logits) {
        double[] x = new double[logits.length];
        for (int i = 0; i < x.length; i++) x[i] = F.round(logits[i]);
        double[] y = new double[x.length];
        Arrays.fill(y, Double.NaN);
        List<Step> steps = new ArrayList<>();
        switch (algorithm) {
            case THREE_PASS_RECOMPUTE, THREE_PASS_RELOAD -> threePass(x, y, steps, algorithm == Algorithm.THREE_PASS_RELOAD);
            case ONLINE -> online(x, y, steps);
            case TWO_PASS -> twoPass(x, y, steps);
        }
        return List.copyOf(steps);
    }

    private static double exp(double v) { return F.round(Math.exp(v)); }

    private static String g(double v) { return String.format(java.util.Locale.ROOT, "%.6g", v); }

    /** An integer-valued exponent, without the ".00000". */
    private static String e(double n) {
        return Double.isFinite(n) && Math.abs(n) < 1e15 ? Long.toString((long) n) : g(n);
    }

    private static void threePass(double[] x, double[] y, List<Step> steps, boolean reload) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, x[i]);
            steps.add(new Step(1, "max", i, "x", x[i], Double.NaN, "m = " + g(m), y.clone()));
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double e = exp(F.round(x[i] - m));
            s = F.round(s + e);
            if (reload) y[i] = e;
            steps.add(new Step(2, reload ? "store exp(x − m), sum" : "sum exp(x − m)", i, "x", x[i],
                    reload ? e : Double.NaN, "m = " + g(m) + ", S = " + g(s), y.clone()));
        }
        double inv = F.round(1 / s);
        for (int i = 0; i < x.length; i++) {
            double read = reload ? y[i] : x[i];
            y[i] = reload ? F.round(y[i] * inv) : F.round(exp(F.round(x[i] - m)) * inv);
            steps.add(new Step(3, reload ? "y ← y / S" : "y = exp(x − m) / S", i, reload ? "y" : "x", read, y[i],
                    "1/S = " + g(inv), y.clone()));
        }
    }

    private static void online(double[] x, double[] y, List<Step> steps) {
        double m = Double.NEGATIVE_INFINITY;
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > m) {
                d = m == Double.NEGATIVE_INFINITY ? 1 : F.round(F.round(d * exp(F.round(m - x[i]))) + 1);
                m = x[i];
            } else if (x[i] != Double.NEGATIVE_INFINITY) {
                d = F.round(d + exp(F.round(x[i] - m)));
            }
            steps.add(new Step(1, "running (m, d)", i, "x", x[i], Double.NaN, "m = " + g(m) + ", d = " + g(d), y.clone()));
        }
        double inv = F.round(1 / d);
        for (int i = 0; i < x.length; i++) {
            y[i] = F.round(exp(F.round(x[i] - m)) * inv);
            steps.add(new Step(2, "y = exp(x − m) / d", i, "x", x[i], y[i], "m = " + g(m) + ", 1/d = " + g(inv), y.clone()));
        }
    }

    private static void twoPass(double[] x, double[] y, List<Step> steps) {
        double accE = Double.NEGATIVE_INFINITY;
        double accV = 0;
        for (int i = 0; i < x.length; i++) {
            String term;
            if (x[i] == Double.NEGATIVE_INFINITY) {
                term = "masked: (p, n) = (0, −∞)";
            } else {
                double n = Math.rint(x[i] / LN2);
                double p = Math.abs(n) >= 0x1p22 ? 1 : exp(F.round(x[i] - n * LN2));
                term = "e^x = " + g(p) + "·2^" + e(n);
                if (n > accE) {
                    accV = F.round(F.round(ExtendedSum.scale(accV, accE - n)) + p);
                    accE = n;
                } else {
                    accV = F.round(accV + F.round(ExtendedSum.scale(p, n - accE)));
                }
            }
            steps.add(new Step(1, "sum of (mantissa, exponent)", i, "x", x[i], Double.NaN,
                    term + "; Σ = " + g(accV) + "·2^" + e(accE), y.clone()));
        }
        double inv = F.round(1 / accV);
        for (int i = 0; i < x.length; i++) {
            if (x[i] == Double.NEGATIVE_INFINITY) {
                y[i] = 0;
            } else {
                double n = Math.rint(x[i] / LN2);
                double p = Math.abs(n) >= 0x1p22 ? 1 : exp(F.round(x[i] - n * LN2));
                y[i] = F.round(ExtendedSum.scale(F.round(p * inv), n - accE));
            }
            steps.add(new Step(2, "y = p/V · 2^(n − E)", i, "x", x[i], y[i], "V = " + g(accV) + ", E = " + e(accE), y.clone()));
        }
    }
}
