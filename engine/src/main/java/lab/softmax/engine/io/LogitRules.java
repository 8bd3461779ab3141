package lab.softmax.engine.io;

/**
 * The rules every logit vector meets before anything reads it, and their error text, for every
 * reader and lab: at least one entry; no NaN and no +Infinity (each named by its index); -Infinity
 * masks an entry, but not every entry.
 */
public final class LogitRules {
    private LogitRules() { }

    /**
     * @param source the file or input the vector came from, for the message ("" for none)
     * @param field  the vector's name in that input, e.g. "logits" or "rows[2]"
     * @throws InputException for an empty vector, NaN, +Infinity, or all entries masked
     */
    public static void require(double[] logits, String source, String field) {
        if (logits.length == 0) {
            throw new InputException(source, field, "empty vector (need at least one logit)");
        }
        boolean anyFinite = false;
        for (int i = 0; i < logits.length; i++) {
            double v = logits[i];
            if (Double.isNaN(v)) {
                throw new InputException(source, field + "[" + i + "]", "NaN is not a logit");
            }
            if (v == Double.POSITIVE_INFINITY) {
                throw new InputException(source, field + "[" + i + "]",
                        "+Infinity is not a logit (use a large finite value; -Infinity masks an entry)");
            }
            anyFinite |= Double.isFinite(v);
        }
        if (!anyFinite) {
            throw new InputException(source, field, "every entry is -Infinity (masked): nothing to normalise");
        }
    }
}
