package lab.softmax.app.cli.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class GhostsCommandTest {
    @TempDir Path dir;

    private record Run(int exit, String out, String err) { }

    private Run run(String json, String... options) throws IOException {
        Path input = dir.resolve("in.json");
        Files.writeString(input, json);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[options.length + 3];
        args[0] = "ghosts";
        args[1] = "--input";
        args[2] = input.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonReportsTheCorrectedGhostOfBinMargin2() throws IOException {
        Run r = run("{\"logits\":[2,0],\"direction\":[0,1]}", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.mapper().readTree(r.out());
        assertEquals(1.0, o.get("delta_a").asDouble());
        assertEquals(Math.PI, o.get("rho_a").asDouble(), 1e-15);
        assertEquals(Math.hypot(2, Math.PI), o.get("rho_star").asDouble(), 1e-14);
        assertEquals(2.0, o.get("nearest_zero").get("re").asDouble(), 1e-14);
        assertEquals(Math.PI, o.get("nearest_zero").get("im").asDouble(), 1e-14);
        assertEquals(1, o.get("zeros").size());
        assertEquals(2.0, o.get("zeros").get(0).get("re").asDouble(), 1e-14);
    }

    @Test
    void zeroSpreadPrintsInfinityAndNoZeros() throws IOException {
        Run r = run("{\"logits\":[1,\"-Infinity\",3],\"direction\":[0.5,9,0.5]}", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.mapper().readTree(r.out());
        assertEquals("Infinity", o.get("rho_a").asString());
        assertEquals("Infinity", o.get("rho_star").asString());
        assertTrue(o.get("nearest_zero").isNull());
        assertEquals(0, o.get("zeros").size());
    }

    @Test
    void batchNamesTheBottleneckSample() throws IOException {
        Run r = run("{\"samples\":[{\"logits\":[0,0],\"direction\":[1,0]},{\"logits\":[0,0,0],\"direction\":[0,1,2]},"
                + "{\"logits\":[5,1],\"direction\":[0,0.5]}]}", "--json", "--zeros-within", "2");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = Json.mapper().readTree(r.out());
        assertEquals(3, o.get("samples").size());
        assertEquals(1, o.get("batch").get("bottleneck_index").asInt());
        assertEquals(Math.PI / 2, o.get("batch").get("rho_a").asDouble(), 1e-15);
        assertEquals(2 * Math.PI / 3, o.get("batch").get("rho_star").asDouble(), 1e-12);
        assertEquals(1, o.get("batch").get("rho_star_index").asInt());
    }

    @Test
    void nanLogitExitsTwoNamingItsIndex() throws IOException {
        Run r = run("{\"logits\":[2,\"NaN\"],\"direction\":[0,1]}", "--json");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("logits[1]"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void badBatchEntryAndOptionExitTwoNamingTheField() throws IOException {
        Run missing = run("{\"samples\":[{\"logits\":[1,2],\"direction\":[0,1]},{\"logits\":[1,2]}]}");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("samples[1].direction"), missing.err());
        Run length = run("{\"logits\":[1,2,3],\"direction\":[0,1]}");
        assertEquals(2, length.exit());
        assertTrue(length.err().contains("direction"), length.err());
        Run option = run("{\"logits\":[1,2],\"direction\":[0,1]}", "--zeros-within", "-1");
        assertEquals(2, option.exit());
        assertTrue(option.err().contains("--zeros-within"), option.err());
        Run malformed = run("{\"logits\":[1,2,");
        assertEquals(2, malformed.exit());
        assertEquals(1, malformed.err().strip().lines().count(), malformed.err());
    }
}
