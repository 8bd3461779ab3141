package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON and CSV logit files: the accepted forms, and bad input rejected naming field and index. */
class LogitsFileTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @TempDir Path dir;

    private static double[] json(String text) {
        return LogitsFile.readJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "in.json");
    }

    private static InputException jsonError(String text) {
        return assertThrows(InputException.class, () -> json(text), text);
    }

    @Test
    void objectAndBareArray() {
        assertArrayEquals(new double[] {1, -2.5, 3e-300, 7}, json("{\"logits\": [1, -2.5, 3e-300, 7]}"), 0.0);
        assertArrayEquals(new double[] {0.1, 2}, json("[0.1, 2]"), 0.0);
        assertArrayEquals(new double[] {4}, json("{\"name\": \"x\", \"meta\": {\"logits\": [9]}, \"logits\": [4], \"note\": [1, {}]}"), 0.0);
        assertArrayEquals(new double[0], json("{\"logits\": []}"), 0.0);
    }

    @Test
    void nonFiniteAsStringsAndTokens() {
        double[] v = json("{\"logits\": [\"Infinity\", \"-Infinity\", \"NaN\", -Infinity, NaN, \"1.5\"]}");
        assertEquals(Double.POSITIVE_INFINITY, v[0]);
        assertEquals(NEG_INF, v[1]);
        assertTrue(Double.isNaN(v[2]));
        assertEquals(NEG_INF, v[3]);
        assertTrue(Double.isNaN(v[4]));
        assertEquals(1.5, v[5]);
        InputException nan = assertThrows(InputException.class, () -> LogitRules.require(v, "in.json", "logits"));
        assertEquals("logits[0]", nan.field(), "+Infinity at index 0 is reported first");
        double[] w = json("[1, \"-Infinity\", \"NaN\"]");
        InputException e = assertThrows(InputException.class, () -> LogitRules.require(w, "in.json", "logits"));
        assertEquals("logits[2]", e.field());
        assertTrue(e.getMessage().startsWith("in.json: logits[2]: "), e.getMessage());
        assertTrue(e.getMessage().contains("NaN"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"logits\": [1, true]}|logits[1]|a boolean",
            "{\"logits\": [1, 2, null]}|logits[2]|null",
            "{\"logits\": [1, \"abc\"]}|logits[1]|abc",
            "{\"logits\": [[1, 2]]}|logits[0]|an array",
            "{\"logits\": [0, {\"x\": 1}]}|logits[1]|an object",
            "{\"logits\": \"1,2\"}|logits|a string",
            "{\"logits\": 3}|logits|",
            "{\"other\": [1, 2]}|logits|missing",
            "[1, false]|[1]|a boolean",
    })
    void wrongTypesNameTheFieldAndIndex(String text, String field, String mentions) {
        InputException e = jsonError(text);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals("in.json", e.source());
        if (mentions != null) assertTrue(e.getMessage().contains(mentions), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"logits\": [1, 2",
            "{\"logits\": [1, 2,",
            "{\"logits\": [1, 2]",
            "{\"logits\": [1, 2]} trailing",
            "[1, 2] [3]",
            "{\"logits\": [1, 2], \"logits\": [3]}",
            "{\"logits\": [1, 2e",
            "{\"logits\": [1, 2], \"note\": ",
            "\"just a string\"",
            "''",
    })
    void truncatedOrMalformedJsonIsRejected(String text) {
        InputException e = jsonError(text.equals("''") ? "" : text);
        assertEquals("in.json", e.source());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void csvAcceptsCommasSemicolonsWhitespaceCommentsAndSpecials() throws IOException {
        Path csv = dir.resolve("v.csv");
        Files.writeString(csv, "# logits from my model\n1, 2.5\n\n-Infinity;3\n 4\t5e-1 \n");
        assertArrayEquals(new double[] {1, 2.5, NEG_INF, 3, 4, 0.5}, LogitsFile.read(csv), 0.0);
        Path txt = dir.resolve("v.txt");
        Files.writeString(txt, "0.25 -inf NaN");
        double[] t = LogitsFile.read(txt);
        assertEquals(NEG_INF, t[1]);
        assertTrue(Double.isNaN(t[2]));
    }

    @Test
    void csvBadCellNamesLineAndValue() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "1,2\n3,x7,4\n");
        InputException e = assertThrows(InputException.class, () -> LogitsFile.read(csv));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("x7"), e.getMessage());
        assertEquals(csv.toString(), e.source());
    }

    @Test
    void missingFileAndJsonFileByPath() throws IOException {
        InputException e = assertThrows(InputException.class, () -> LogitsFile.read(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json") && e.getMessage().contains("not found"), e.getMessage());
        Path j = dir.resolve("l.json");
        Files.writeString(j, "{\"logits\": [\"-Infinity\", 2]}");
        assertArrayEquals(new double[] {NEG_INF, 2}, LogitsFile.read(j), 0.0);
    }

    @Test
    void pastedTextAsNumbersOrJson() {
        assertArrayEquals(new double[] {1, 2, 3, 4.5, NEG_INF}, LogitsFile.parseText(" 1, 2; 3\n4.5 -Infinity\n", "pasted text"), 0.0);
        assertArrayEquals(new double[] {1, 2}, LogitsFile.parseText("[1, 2]", "pasted text"), 0.0);
        assertArrayEquals(new double[] {7}, LogitsFile.parseText("{\"logits\": [7]}", "pasted text"), 0.0);
        assertArrayEquals(new double[0], LogitsFile.parseText("  \n ", "pasted text"), 0.0);
        InputException e = assertThrows(InputException.class, () -> LogitsFile.parseText("1 2\n3 four", "pasted text"));
        assertEquals("pasted text", e.source());
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("four"), e.getMessage());
        InputException j = assertThrows(InputException.class, () -> LogitsFile.parseText("[1, 2", "pasted text"));
        assertTrue(j.getMessage().startsWith("pasted text: malformed JSON"), j.getMessage());
    }
}
