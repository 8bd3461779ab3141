package lab.softmax.engine.kernels;

import lab.softmax.engine.io.InputException;

/** The input rule of every kernel: finite or -Infinity (masked), at least one finite entry per row. */
public final class LogitChecks {
    private LogitChecks() { }

    public static void requireRow(float[] x, int from, int to, String source, String field) {
        if (to <= from) throw new InputException(source, field, "empty row (need at least one logit)");
        boolean anyFinite = false;
        for (int i = from; i < to; i++) {
            float v = x[i];
            if (Float.isNaN(v)) throw new InputException(source, field + "[" + (i - from) + "]", "NaN is not a logit");
            if (v == Float.POSITIVE_INFINITY) {
                throw new InputException(source, field + "[" + (i - from) + "]",
                        "+Infinity is not a logit (use a large finite value; -Infinity masks an entry)");
            }
            anyFinite |= v != Float.NEGATIVE_INFINITY;
        }
        if (!anyFinite) throw new InputException(source, field, "every entry is -Infinity (masked): nothing to normalise");
    }
}
