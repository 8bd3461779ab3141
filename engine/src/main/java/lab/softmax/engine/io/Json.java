package lab.softmax.engine.io;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson configuration used for scenarios, inputs and CLI output. */
public final class Json {
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // 2.5 for an int control is a mistake, not 2; 1 for a boolean is not true.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() { }

    /** Fails on unknown fields (a misspelt control is an error, not silently ignored). */
    public static JsonMapper mapper() { return STRICT; }

    /** A whole input document as a tree; malformed JSON is bad input naming the source. */
    public static JsonNode readTree(InputStream in, String source) {
        try {
            return STRICT.readTree(in);
        } catch (JacksonException e) {
            throw new InputException(source, "", "malformed JSON: " + describe(e), e);
        }
    }

    /**
     * A whole input document that must be a JSON object; malformed JSON or anything but an object is bad input naming
     * the source ({@code expected} says what the object should look like).
     */
    public static JsonNode readObject(InputStream in, String source, String expected) {
        JsonNode root = readTree(in, source);
        if (root == null || !root.isObject()) throw new InputException(source, "", expected);
        return root;
    }

    /**
     * A parse error as one readable line: Jackson's message without its "(start marker at
     * [Source: REDACTED ...])" aside, plus the line and column where parsing stopped.
     */
    public static String describe(JacksonException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        int aside = msg.indexOf(" (start marker at ");
        if (aside >= 0) msg = msg.substring(0, aside);
        int hint = msg.indexOf(" (but could if coercion was enabled");
        if (hint >= 0) msg = msg.substring(0, hint);
        msg = msg.replace('\n', ' ').replace('\r', ' ');
        var loc = e.getLocation();
        // Errors from an already parsed tree carry no position (line -1).
        return loc == null || loc.getLineNr() < 1 ? msg : msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
