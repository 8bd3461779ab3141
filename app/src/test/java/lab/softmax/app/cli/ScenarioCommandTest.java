package lab.softmax.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `scenario validate`: exit 0 for a good file, exit 2 with one line naming the field otherwise. */
class ScenarioCommandTest {
    private static final String GOOD = """
            {"lab": "distributions", "version": 1, "title": "Masked", "description": "",
             "state": {"logits": [2.5, "-Infinity", -1], "temperature": 0.5, "precision": "bf16",
                       "normalizers": ["softmax", "entmax15"], "subtractMax": false, "topK": 2, "logScale": true}}
            """;

    @TempDir Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void goodFileIsValid() throws IOException {
        Path good = file("good.json", GOOD);
        CliRun r = CliRun.of("scenario", "validate", good.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("valid"), r.out());
        CliRun j = CliRun.of("scenario", "validate", "--json", good.toString());
        assertEquals(0, j.exit(), j.err());
        assertEquals("distributions", j.json().get("lab").asString());
        assertTrue(j.json().get("valid").asBoolean());
    }

    @Test
    void badFilesExitTwoNamingTheField() throws IOException {
        String[][] cases = {
                {"temperature", GOOD.replace("0.5", "500"), "state.temperature"},
                {"nan", GOOD.replace("-1]", "\"NaN\"]"), "state.logits[2]"},
                {"version", GOOD.replace("\"version\": 1", "\"version\": 9"), "version"},
                {"lab", GOOD.replace("\"distributions\"", "\"nope\""), "lab"},
                {"unknown", GOOD.replace("\"logScale\": true", "\"logScale\": true, \"zoom\": 2"), "state.zoom"},
                {"type", GOOD.replace("\"bf16\"", "16"), "state.precision"},
                {"truncated", GOOD.substring(0, GOOD.length() / 2), "malformed JSON"},
        };
        for (String[] c : cases) {
            Path bad = file(c[0] + ".json", c[1]);
            CliRun r = CliRun.of("scenario", "validate", bad.toString());
            assertEquals(2, r.exit(), c[0] + ": " + r.err());
            assertEquals(1, r.errLines().size(), c[0] + ": one line, got " + r.err());
            assertTrue(r.err().contains(c[2]), c[0] + ": " + r.err());
            assertTrue(r.err().contains(bad.toString()), c[0] + " names the file: " + r.err());
        }
        CliRun missing = CliRun.of("scenario", "validate", dir.resolve("none.json").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.errLines().size());
    }
}
