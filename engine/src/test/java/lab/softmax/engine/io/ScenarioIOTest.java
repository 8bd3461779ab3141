package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scenario documents of the Distributions lab: round trip, and every bad file naming its field. */
class ScenarioIOTest {
    private static final ScenarioIO IO = new ScenarioIO(List.of(DistributionsState.TYPE));
    private static final String GOOD_STATE = "\"logits\": [2.5, \"-Infinity\", -1], \"temperature\": 0.5, "
            + "\"precision\": \"fp16\", \"normalizers\": [\"softmax\", \"sparsemax\"], \"subtractMax\": true, "
            + "\"topK\": 2, \"logScale\": false";

    @TempDir Path dir;

    private static String doc(String lab, String version, String state) {
        return "{\"lab\": " + lab + ", \"version\": " + version + ", \"title\": \"t\", \"description\": \"d\", \"state\": {" + state + "}}";
    }

    private static Scenario<?> read(String json) {
        return IO.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json");
    }

    @Test
    void roundTripKeepsEveryField() throws IOException {
        DistributionsState state = new DistributionsState(new double[] {1e4, Double.NEGATIVE_INFINITY, -0.0, 0.1, -1e-300, 3},
                0.37, Precision.BF16, List.of(NormalizerKind.ENTMAX15, NormalizerKind.SOFTPLUS, NormalizerKind.STABLEMAX),
                false, 4, true);
        Path file = dir.resolve("sub/dir/s.json");
        IO.write(file, new Scenario<>(DistributionsState.TYPE, "Masked & huge", "a \"quoted\"\nline", state));
        Scenario<?> back = IO.read(file);
        assertSame(DistributionsState.TYPE, back.type());
        assertEquals("Masked & huge", back.title());
        assertEquals("a \"quoted\"\nline", back.description());
        DistributionsState s = (DistributionsState) back.state();
        assertArrayEquals(state.logits(), s.logits(), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s.logits()[2]), "sign of zero kept");
        assertEquals(0.37, s.temperature());
        assertEquals(Precision.BF16, s.precision());
        assertEquals(state.normalizers(), s.normalizers());
        assertEquals(false, s.subtractMax());
        assertEquals(4, s.topK());
        assertEquals(true, s.logScale());
        String text = Files.readString(file);
        assertTrue(text.contains("\"-Infinity\""), text);
        assertTrue(text.contains("\"lab\" : \"distributions\"") || text.contains("\"lab\": \"distributions\""), text);
    }

    @Test
    void goodDocumentReads() {
        DistributionsState s = (DistributionsState) read(doc("\"distributions\"", "1", GOOD_STATE)).state();
        assertEquals(Double.NEGATIVE_INFINITY, s.logits()[1]);
        assertEquals(Precision.FP16, s.precision());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown lab|{\"lab\": \"kernelz\", \"version\": 1, \"state\": {}}|lab",
            "missing lab|{\"version\": 1, \"state\": {}}|lab",
            "unknown version|{\"lab\": \"distributions\", \"version\": 2, \"state\": {}}|version",
            "version as text|{\"lab\": \"distributions\", \"version\": \"1\", \"state\": {}}|version",
            "unknown top-level field|{\"lab\": \"distributions\", \"version\": 1, \"colour\": 1, \"state\": {}}|colour",
            "missing state|{\"lab\": \"distributions\", \"version\": 1}|state",
            "state not an object|{\"lab\": \"distributions\", \"version\": 1, \"state\": [1]}|state",
            "malformed|{\"lab\": \"distributions\", \"version\": 1, \"state\": {|''",
            "not an object|[1, 2]|''",
    })
    void badDocumentsNameTheField(String what, String json, String field) {
        InputException e = assertThrows(InputException.class, () -> read(json), what);
        assertEquals(field == null ? "" : field, e.field(), what + ": " + e.getMessage());
        assertEquals("s.json", e.source());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "temperature wrong type|\"temperature\": 0.5|\"temperature\": \"hot\"|state.temperature",
            "temperature too high|\"temperature\": 0.5|\"temperature\": 200|state.temperature",
            "temperature too low|\"temperature\": 0.5|\"temperature\": 0.001|state.temperature",
            "NaN logit|[2.5, \"-Infinity\", -1]|[2.5, \"-Infinity\", \"NaN\"]|state.logits[2]",
            "+Infinity logit|[2.5, \"-Infinity\", -1]|[\"Infinity\", 1, 2]|state.logits[0]",
            "all masked|[2.5, \"-Infinity\", -1]|[\"-Infinity\"]|state.logits",
            "empty logits|[2.5, \"-Infinity\", -1]|[]|state.logits",
            "logits not an array|[2.5, \"-Infinity\", -1]|\"1 2 3\"|state.logits",
            "logit a boolean|[2.5, \"-Infinity\", -1]|[1, true]|state.logits[1]",
            "unknown precision|\"fp16\"|\"fp8\"|state.precision",
            "unknown normalizer|[\"softmax\", \"sparsemax\"]|[\"softmax\", \"argmax\"]|state.normalizers[1]",
            "no normalizer|[\"softmax\", \"sparsemax\"]|[]|state.normalizers",
            "subtractMax not boolean|\"subtractMax\": true|\"subtractMax\": \"yes\"|state.subtractMax",
            "topK zero|\"topK\": 2|\"topK\": 0|state.topK",
            "topK fractional|\"topK\": 2|\"topK\": 2.5|state.topK",
            "subtractMax a number|\"subtractMax\": true|\"subtractMax\": 1|state.subtractMax",
            "unknown state field|\"logScale\": false|\"logScale\": false, \"colour\": \"red\"|state.colour",
            "null precision|\"fp16\"|null|state.precision",
            "missing boolean|, \"subtractMax\": true|''|state.subtractMax",
            "missing temperature|\"temperature\": 0.5, |''|state.temperature",
    })
    void badStateNamesTheField(String what, String from, String to, String field) {
        String state = GOOD_STATE.replace(from, to);
        assertTrue(!state.equals(GOOD_STATE), "test setup: replacement applied");
        InputException e = assertThrows(InputException.class, () -> read(doc("\"distributions\"", "1", state)), what);
        assertEquals(field, e.field(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("s.json: " + field + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(!e.getMessage().contains("line -1"), e.getMessage());
    }

    @Test
    void missingFile() {
        InputException e = assertThrows(InputException.class, () -> IO.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json"));
    }
}
