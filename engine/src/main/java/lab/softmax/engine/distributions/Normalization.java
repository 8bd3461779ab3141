package lab.softmax.engine.distributions;

import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.LogitRules;
import lab.softmax.engine.numeric.Arithmetic;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;

/** Runs one normaliser at a temperature in a precision, and beside it the float64 reference. */
public final class Normalization {
    private Normalization() { }

    public static NormalizationResult run(double[] logits, double temperature, NormalizerKind kind,
                                          Precision precision, boolean subtractMax) {
        return run(logits, temperature, kind, precision, subtractMax, Cancellation.none());
    }

    /** As above; cancelled, it throws {@link lab.softmax.engine.task.CancelledException} within a pass over ~65 000 values. */
    public static NormalizationResult run(double[] logits, double temperature, NormalizerKind kind,
                                          Precision precision, boolean subtractMax, Cancellation cancellation) {
        LogitRules.require(logits, "", "logits");
        requireTemperature(temperature, "", "temperature");
        Arithmetic arithmetic = new Arithmetic(precision);
        NumericEvents events = new NumericEvents();
        double[] x = scale(logits, temperature, arithmetic, events, cancellation);
        double[] p = kind.normalizer().apply(x, arithmetic, subtractMax, events, cancellation);

        double[] reference;
        double[] x64;
        if (precision == Precision.FP64 && subtractMax) {
            reference = p;
            x64 = x;
        } else {
            Arithmetic exact = new Arithmetic(Precision.FP64);
            x64 = scale(logits, temperature, exact, new NumericEvents(), cancellation);
            reference = kind.normalizer().apply(x64, exact, true, new NumericEvents(), cancellation);
        }
        return new NormalizationResult(kind, temperature, precision, subtractMax, p, reference,
                logSumExp(x64, cancellation), events.overflowed, events.absorbed, events.denominator);
    }

    /** @param source the file or input the temperature came from, for the message ("" for none) */
    public static void requireTemperature(double temperature, String source, String field) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException(source, field, "temperature must be a finite number > 0, got " + temperature);
        }
    }

    /**
     * x_i = round(round(z_i) / T): the logits as a model in that precision would hold them. A
     * finite logit that does not fit (|z/T| > 65504 in fp16, e.g. z = 700 at T = 0.01) becomes
     * +-Infinity and is counted as an overflow.
     */
    static double[] scale(double[] logits, double temperature, Arithmetic a, NumericEvents events, Cancellation cancellation) {
        double[] x = new double[logits.length];
        double t = a.of(temperature);
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            x[i] = a.div(a.of(logits[i]), t);
            if (Double.isFinite(logits[i]) && Double.isInfinite(x[i])) events.overflowed++;
        }
        return x;
    }

    /** log sum exp(x) in float64, shifted by the max so it never overflows. */
    public static double logSumExp(double[] x) {
        return logSumExp(x, Cancellation.none());
    }

    static double logSumExp(double[] x, Cancellation cancellation) {
        double m = Normalizer.max(x, cancellation);
        if (m == Double.NEGATIVE_INFINITY) return m;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            s += Math.exp(x[i] - m);
        }
        return m + Math.log(s);
    }
}
