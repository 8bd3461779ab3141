package lab.softmax.app.cli.ghosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StepMapCommandTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void streamsOneRowPerRateWithNaNForADivergedRun() {
        String[] res = run("train", "step-map", "--model", "mlp", "--optimizer", "sgd", "--steps", "8",
                "--lr-min", "1e-2", "--lr-max", "1e150", "--rates", "2", "--json");
        assertEquals("0", res[0], res[2]);
        List<String> lines = res[1].lines().toList();
        assertEquals(3, lines.size());
        JsonNode small = Json.mapper().readTree(lines.get(0));
        assertEquals(1e-2, small.get("lr").asDouble(), 1e-15);
        assertEquals(8, small.get("r").size());
        assertEquals(-1, small.get("first_nan_step").asInt());
        JsonNode huge = Json.mapper().readTree(lines.get(1));
        int nan = huge.get("first_nan_step").asInt();
        assertTrue(nan >= 0 && nan < 7, lines.get(1));
        for (int t = nan; t < 8; t++) assertEquals("NaN", huge.get("r").get(t).asString(), "a diverged step prints NaN, not r = 0");
        assertTrue(Json.mapper().readTree(lines.get(2)).get("done").asBoolean());
    }

    @Test
    void badRangeIsAnInputError() {
        String[] res = run("train", "step-map", "--lr-min", "1", "--lr-max", "1e-3");
        assertEquals("2", res[0]);
        assertEquals(1, res[2].lines().count(), res[2]);
    }
}
