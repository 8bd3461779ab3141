package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;

class GateInputTest {
    static GateInput parse(String json) {
        return GateInput.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "in.json");
    }

    static InputException bad(String json) {
        return assertThrows(InputException.class, () -> parse(json));
    }

    static final String GOOD = """
            {"gates":{"weights":[[1,0],[0,1],[-1,-1]],"biases":[0,0.5,0]},"x":[[2,0],[0,0],[-3,-3]]}""";

    @Test
    void routesEveryRowAgainstAHandComputedSoftmax() {
        GateInput in = parse(GOOD);
        GateInput.Points p = in.route(2, 1, Router.TOPK_SOFTMAX);
        assertEquals(3, p.points().size());
        // x = (2, 0): logits (2, 0.5, -2) -> experts 0, 1
        assertArrayEquals(new int[] {0, 1}, p.points().get(0).active());
        double e = Math.exp(1.5);
        assertArrayEquals(new double[] {e / (e + 1), 1 / (e + 1)}, p.points().get(0).weights(), 1e-15);
        // x = (0, 0): logits (0, 0.5, 0) -> 1 and the tie 0 vs 2 goes to 0
        assertArrayEquals(new int[] {0, 1}, p.points().get(1).active());
        // x = (-3, -3): logits (-3, -2.5, 6) -> 1, 2
        assertArrayEquals(new int[] {1, 2}, p.points().get(2).active());
        String json = Json.mapper().writeValueAsString(p);
        assertTrue(json.startsWith("{\"points\":[{\"active\":[0,1],\"weights\":["), json);
    }

    @Test
    void theTemperatureDividesTheLogits() {
        // x = (2, 0): logits (2, 0.5, -2); at T = 3 the top-2 weights are softmax((2, 0.5)/3), at T = 1/4 softmax(4·(2, 0.5))
        GateInput in = parse(GOOD);
        for (double t : new double[] {3, 0.25}) {
            GateInput.Point p = in.route(2, t, Router.TOPK_SOFTMAX).points().get(0);
            assertArrayEquals(new int[] {0, 1}, p.active(), "the same set at T = " + t);
            double e = Math.exp(1.5 / t);
            assertArrayEquals(new double[] {e / (e + 1), 1 / (e + 1)}, p.weights(), 1e-14, "T = " + t);
        }
        // a larger T flattens: the top weight falls from T = 0.25 to 1 to 3
        double sharp = in.route(2, 0.25, Router.TOPK_SOFTMAX).points().get(0).weights()[0];
        double plain = in.route(2, 1, Router.TOPK_SOFTMAX).points().get(0).weights()[0];
        double flat = in.route(2, 3, Router.TOPK_SOFTMAX).points().get(0).weights()[0];
        assertTrue(sharp > plain && plain > flat, sharp + " > " + plain + " > " + flat);
    }

    @Test
    void topKOutsideOneToKNamesTheOption() {
        GateInput in = parse(GOOD);
        InputException big = assertThrows(InputException.class, () -> in.route(4, 1, Router.TOPK_SOFTMAX));
        assertEquals("--top-k", big.field());
        assertTrue(big.getMessage().contains("exceeds the number of experts (3)"), big.getMessage());
        InputException zero = assertThrows(InputException.class, () -> in.route(0, 1, Router.TOPK_SOFTMAX));
        assertEquals("--top-k", zero.field());
        assertEquals("in.json", zero.source());
    }

    @Test
    void badFieldsAreNamedWithTheirIndex() {
        InputException nan = bad("""
                {"gates":{"weights":[[1,0],[NaN,1]],"biases":[0,0]},"x":[[1,1]]}""");
        assertEquals("gates.weights[1][0]", nan.field());
        InputException str = bad("""
                {"gates":{"weights":[[1,0],[0,1]],"biases":[0,"NaN"]},"x":[[1,1]]}""");
        assertEquals("gates.biases[1]", str.field());
        InputException ragged = bad("""
                {"gates":{"weights":[[1,0],[0,1,2]],"biases":[0,0]},"x":[[1,1]]}""");
        assertEquals("gates.weights[1]", ragged.field());
        assertTrue(ragged.getMessage().contains("ragged"), ragged.getMessage());
        InputException raggedX = bad("""
                {"gates":{"weights":[[1,0],[0,1]],"biases":[0,0]},"x":[[1,1],[2,2],[3]]}""");
        assertEquals("x[2]", raggedX.field());
        InputException empty = bad("""
                {"gates":{"weights":[[1,0],[0,1]],"biases":[0,0]},"x":[]}""");
        assertEquals("x", empty.field());
        InputException biases = bad("""
                {"gates":{"weights":[[1,0],[0,1]],"biases":[0]},"x":[[1,1]]}""");
        assertEquals("gates.biases", biases.field());
        InputException missing = bad("""
                {"x":[[1,1]]}""");
        assertEquals("gates", missing.field());
        InputException unknown = bad("""
                {"gates":{"weights":[[1]],"biases":[0],"bias":[1]},"x":[[1]]}""");
        assertEquals("gates.bias", unknown.field());
        InputException inf = bad("""
                {"gates":{"weights":[[1e400]],"biases":[0]},"x":[[1]]}""");
        assertEquals("gates.weights[0][0]", inf.field());
        InputException malformed = bad("{\"gates\":");
        assertTrue(malformed.getMessage().startsWith("in.json: malformed JSON"), malformed.getMessage());
    }
}
