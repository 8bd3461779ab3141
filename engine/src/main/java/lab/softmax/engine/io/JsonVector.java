package lab.softmax.engine.io;

import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The one reader of a vector of numbers in a JSON input (logits, rows, directions), streamed or
 * from a parsed tree. An entry is a JSON number (NaN and Infinity tokens included) or a string
 * holding a number ({@link #number}). It reads, it does not judge: {@link LogitRules} does.
 */
public final class JsonVector {
    private JsonVector() { }

    /** The array at node; node null means the field is missing. */
    public static double[] read(JsonNode node, String source, String field) {
        if (node == null) throw new InputException(source, field, "missing");
        // The tree is read back as tokens so that streamed files and parsed trees share one reader.
        try (JsonParser p = Json.mapper().treeAsTokens(node)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new InputException(source, field, "expected an array of numbers, found " + describe(first));
            }
            return read(p, source, field);
        }
    }

    /** The array whose START_ARRAY p has just read; returns with p on its END_ARRAY. */
    public static double[] read(JsonParser p, String source, String field) {
        DoubleBuffer values = new DoubleBuffer();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new InputException(source, field, "truncated: the array is not closed");
            }
            String at = field + "[" + values.size() + "]";
            double v = switch (t) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_STRING -> number(p.getString(), source, at);
                default -> throw new InputException(source, at, "expected a number, found " + describe(t));
            };
            if (values.size() >= LogitsFile.MAX_LENGTH) {
                throw new InputException(source, field, "more than " + LogitsFile.MAX_LENGTH + " values (the documented limit)");
            }
            values.add(v);
        }
        return values.toArray();
    }

    /**
     * A number written as text (a JSON string or a CSV cell): a decimal, or "Infinity", "-Infinity"
     * and "NaN" (the CLI contract) and their short forms inf, -inf, nan.
     *
     * @param at where the text stands, for the message
     */
    public static double number(String text, String source, String at) {
        return switch (text.trim()) {
            case "Infinity", "+Infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new InputException(source, at, "expected a number, found \"" + text + "\"");
                }
            }
        };
    }

    /** A JSON token as a message names it: "an object", "a boolean", "end of input". */
    static String describe(JsonToken t) {
        if (t == null) return "end of input";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "a string";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
