package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lab.softmax.engine.distributions.DistributionsState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The limits of the one JSON reader (docs/RELIABILITY.md lists them with these messages): each is hit just
 * past its value with one line naming it, and a document just inside it still reads.
 */
class JsonLimitsTest {
    private static InputException rejected(String json) {
        return assertThrows(InputException.class,
                () -> Json.readTree(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "in.json"));
    }

    private static JsonNode read(String json) {
        return Json.readTree(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "in.json");
    }

    @Test
    void nestingDeeperThan64LevelsIsRefused() {
        int depth = Json.MAX_DEPTH;
        read("[".repeat(depth) + "]".repeat(depth));
        InputException e = rejected("[".repeat(depth + 1) + "]".repeat(depth + 1));
        assertTrue(e.getMessage().startsWith("in.json: malformed JSON: nested deeper than 64 levels"), e.getMessage());
        // 100 000 levels: a one-line error, not a StackOverflowError
        assertTrue(rejected("{\"a\":".repeat(100_000)).getMessage().contains("nested deeper than 64 levels"));
    }

    @Test
    void aNumberLongerThan100CharactersIsRefused() {
        read("[" + "1".repeat(Json.MAX_NUMBER_LENGTH) + "]");
        InputException e = rejected("[" + "1".repeat(Json.MAX_NUMBER_LENGTH + 1) + "]");
        assertTrue(e.getMessage().contains("a number longer than 100 characters"), e.getMessage());
        assertTrue(rejected("[0." + "0".repeat(200) + "1]").getMessage().contains("a number longer than 100 characters"));
    }

    @Test
    void aTextLongerThanOneMebibyteIsRefused() {
        read("[\"" + "x".repeat(Json.MAX_STRING_LENGTH) + "\"]");
        InputException e = rejected("[\"" + "x".repeat(Json.MAX_STRING_LENGTH + 1) + "\"]");
        assertTrue(e.getMessage().contains("a text value longer than 1048576 characters"), e.getMessage());
    }

    @Test
    void aFieldNameLongerThan256CharactersIsRefused() {
        read("{\"" + "k".repeat(Json.MAX_NAME_LENGTH) + "\": 1}");
        InputException e = rejected("{\"" + "k".repeat(Json.MAX_NAME_LENGTH + 1) + "\": 1}");
        assertTrue(e.getMessage().contains("a field name longer than 256 characters"), e.getMessage());
    }

    /**
     * The token limit caps how many values a document holds (an array's size), the document limit its length.
     * Hitting them takes gigabytes; their messages are checked on a parser with the same limits made small.
     */
    @Test
    void theTokenAndDocumentLimitsAreSetAndNamed() {
        assertEquals(1L << 26, Json.LIMITS.getMaxTokenCount());
        assertEquals(1L << 31, Json.LIMITS.getMaxDocumentLength());
        assertTrue(Json.MAX_TOKENS > LogitsFile.MAX_LENGTH, "a vector of the documented 5·10^7 values fits");
        assertEquals("the document holds more than 67108864 values", limitMessage(
                tools.jackson.core.StreamReadConstraints.builder().maxTokenCount(10).build(), "[" + "1,".repeat(20) + "1]"));
        assertEquals("the document is longer than 2147483648 characters", limitMessage(
                tools.jackson.core.StreamReadConstraints.builder().maxDocumentLength(10).build(), "[" + "1,".repeat(9000) + "1]"));
    }

    private static String limitMessage(tools.jackson.core.StreamReadConstraints small, String json) {
        var mapper = tools.jackson.databind.json.JsonMapper.builder(
                tools.jackson.core.json.JsonFactory.builder().streamReadConstraints(small).build()).build();
        var e = assertThrows(tools.jackson.core.exc.StreamConstraintsException.class, () -> mapper.readTree(json));
        String m = Json.describe(e);
        return m.contains(" (line") ? m.substring(0, m.indexOf(" (line")) : m;
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        InputException e = rejected("{\"logits\": [1], \"logits\": [2]}");
        assertTrue(e.getMessage().startsWith("in.json: malformed JSON: the key \"logits\" appears twice (line 1, column"), e.getMessage());
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        InputException e = rejected("{\"a\": 1} {\"b\": 2}");
        assertTrue(e.getMessage().startsWith("in.json: malformed JSON: more content after the end of the JSON document"), e.getMessage());
    }

    /** No document can name a Java class to build: a type tag is just an unknown field. */
    @Test
    void noPolymorphicTypingFromInput() {
        assertEquals(null, Json.mapper().deserializationConfig().getDefaultTyper(
                Json.mapper().constructType(Object.class)), "default typing is off");
        var io = new ScenarioIO(List.of(DistributionsState.TYPE));
        InputException e = assertThrows(InputException.class, () -> io.read(new ByteArrayInputStream(("""
                {"lab": "distributions", "version": 1, "state": {"@class": "java.lang.ProcessBuilder",
                 "logits": [1, 2], "temperature": 1, "precision": "fp32", "normalizers": ["softmax"],
                 "subtractMax": true, "topK": 1, "logScale": false}}""").getBytes(StandardCharsets.UTF_8)), "in.json"));
        assertEquals("state.@class", e.field());
    }

    @Test
    void aNullInAListIsRefusedNamingItsIndex() {
        var io = new ScenarioIO(List.of(DistributionsState.TYPE));
        InputException e = assertThrows(InputException.class, () -> io.read(new ByteArrayInputStream(("""
                {"lab": "distributions", "version": 1, "state": {"logits": [1, 2], "temperature": 1, "precision": "fp32",
                 "normalizers": ["softmax", null], "subtractMax": true, "topK": 1, "logScale": false}}""")
                .getBytes(StandardCharsets.UTF_8)), "in.json"));
        assertTrue(e.field().startsWith("state.normalizers"), e.getMessage());
    }
}
