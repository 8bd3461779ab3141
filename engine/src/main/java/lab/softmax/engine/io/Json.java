package lab.softmax.engine.io;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.type.LogicalType;

/**
 * The one Jackson configuration, used for every file the app reads or writes (scenarios, lessons, inputs,
 * CLI output). What it refuses, and the error each limit gives, is listed in docs/RELIABILITY.md.
 * <ul>
 *   <li>Strict fields: unknown fields, numbers and booleans of the wrong type, and a key given twice in one
 *       object are errors, not silently ignored or overwritten.</li>
 *   <li>No polymorphic typing from input: default typing is off, and the type validator allows no class, so
 *       no document can name a Java class to instantiate.</li>
 *   <li>Size limits ({@link StreamReadConstraints}): they stop a hostile or broken file with one clear line
 *       before it exhausts the stack or the heap. They are set above anything the app itself writes (a
 *       Distributions scenario may hold the lab's 5·10⁷ logits).</li>
 * </ul>
 */
public final class Json {
    /** Deepest nesting of arrays and objects; real files stay under 12 (a lesson's inline Collapse scenario). */
    public static final int MAX_DEPTH = 64;
    /** Longest number, in characters; a double needs at most 24. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest text value: 1 MiB (a lesson step's text is a few kB). */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** Longest field name. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Largest document: 2 GiB of text. */
    public static final long MAX_DOCUMENT_LENGTH = 1L << 31;
    /** Most tokens (numbers, strings, brackets) in one document: 2^26, above the 5·10⁷ logits a vector may hold. */
    public static final long MAX_TOKENS = 1L << 26;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(MAX_DOCUMENT_LENGTH)
            .maxTokenCount(MAX_TOKENS)
            .build();

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // 2.5 for an int control is a mistake, not 2; 1 for a boolean is not true.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            // [1, null] in a list of choices or numbers is an error naming the index, not a null for the record to trip on.
            .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .deactivateDefaultTyping()
            .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() { }

    /** Fails on unknown fields (a misspelt control is an error, not silently ignored). */
    public static JsonMapper mapper() { return STRICT; }

    /**
     * A whole input document as a tree; malformed JSON, a limit exceeded, or a document too large for the
     * memory this JVM was given is bad input naming the source.
     */
    public static JsonNode readTree(InputStream in, String source) {
        try {
            return STRICT.readTree(in);
        } catch (JacksonException e) {
            throw new InputException(source, "", "malformed JSON: " + describe(e), e);
        } catch (OutOfMemoryError e) {
            // The half-built tree is garbage again once this frame is left; the user can give the JVM more.
            throw new InputException(source, "", "too large for the memory available (" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB); start with more, e.g. SOFTMAX_LAB_JAVA_OPTS=-Xmx8g");
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
     * [Source: REDACTED ...])" aside, plus the line and column where parsing stopped. A limit exceeded
     * says which limit, in the words of docs/RELIABILITY.md.
     */
    public static String describe(JacksonException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) msg = limitExceeded(msg);
        // two of Jackson's messages name its own settings; say what is wrong with the file instead
        if (msg.startsWith("Duplicate Object property ")) msg = "the key " + msg.substring("Duplicate Object property ".length()) + " appears twice";
        if (msg.startsWith("Trailing token")) msg = "more content after the end of the JSON document";
        int aside = msg.indexOf(" (start marker at ");
        if (aside >= 0) msg = msg.substring(0, aside);
        int hint = msg.indexOf(" (but could if coercion was enabled");
        if (hint >= 0) msg = msg.substring(0, hint);
        msg = msg.replace('\n', ' ').replace('\r', ' ');
        var loc = e.getLocation();
        // Errors from an already parsed tree carry no position (line -1).
        return loc == null || loc.getLineNr() < 1 ? msg : msg + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** Jackson names the setting to change ("use StreamReadConstraints.maxNestingDepth"); users need the limit. */
    private static String limitExceeded(String jackson) {
        int cut = jackson.indexOf(" (");
        String what = cut > 0 ? jackson.substring(0, cut) : jackson;
        String setting = jackson.toLowerCase(java.util.Locale.ROOT);   // "... from `StreamReadConstraints.getMaxNestingDepth()`"
        if (setting.contains("maxnestingdepth")) return "nested deeper than " + MAX_DEPTH + " levels";
        if (setting.contains("maxnumberlength")) return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
        if (setting.contains("maxstringlength")) return "a text value longer than " + MAX_STRING_LENGTH + " characters";
        if (setting.contains("maxnamelength")) return "a field name longer than " + MAX_NAME_LENGTH + " characters";
        if (setting.contains("maxdocumentlength")) return "the document is longer than " + MAX_DOCUMENT_LENGTH + " characters";
        if (setting.contains("maxtokencount")) return "the document holds more than " + MAX_TOKENS + " values";
        return what;
    }
}
