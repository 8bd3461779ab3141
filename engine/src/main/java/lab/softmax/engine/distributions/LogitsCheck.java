package lab.softmax.engine.distributions;

import lab.softmax.engine.io.InputException;

/** The rules every logit vector meets before it is normalised, with errors that name the index. */
public final class LogitsCheck {
    private LogitsCheck() { }

    /**
     * @param source the file or field the vector came from, for the message
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

    public static void requireTemperature(double temperature, String source, String field) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException(source, field, "temperature must be a finite number > 0, got " + temperature);
        }
    }
}
