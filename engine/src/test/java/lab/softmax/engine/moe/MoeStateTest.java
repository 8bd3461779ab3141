package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import lab.softmax.engine.io.Json;
import org.junit.jupiter.api.Test;

class MoeStateTest {
    @Test
    void defaultsShowSeveralTopTwoRegions() {
        MoeState s = MoeState.defaults();
        assertEquals("moe", MoeState.TYPE.lab());
        assertEquals(2, s.topK());
        GatePlane.Frame f = GatePlane.evaluate(s.gates(), s.topK(), s.temperature(), s.router(), s.chosenExpert(), s.rect(), 60, 60);
        long sets = java.util.Arrays.stream(f.setId).distinct().count();
        long tops = java.util.Arrays.stream(toInts(f.top1)).distinct().count();
        assertEquals(5, tops, "every expert wins somewhere");
        assertEquals(true, sets >= 5, "at least five active sets, got " + sets);
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        MoeState s = MoeState.defaults().withTopK(3).withRouter(Router.SOFTMAX_TOPK).withTemperature(2.5);
        String json = Json.mapper().writeValueAsString(s);
        MoeState back = Json.mapper().readValue(json, MoeState.class);
        assertEquals(3, back.topK());
        assertEquals(Router.SOFTMAX_TOPK, back.router());
        assertEquals(2.5, back.temperature());
        assertArrayEquals(s.gateBiases(), back.gateBiases());
        assertArrayEquals(s.gateWeights()[3], back.gateWeights()[3]);
        assertEquals(s.cases(), back.cases());
        assertArrayEquals(s.sampleSizes(), back.sampleSizes());
        assertEquals(s.seed(), back.seed());
    }

    @Test
    void validationNamesTheField() {
        MoeState d = MoeState.defaults();
        assertEquals("topK: 6 is outside 1..5", assertThrows(IllegalArgumentException.class, () -> d.withTopK(6)).getMessage());
        assertEquals("temperature: 0.0 is outside 0.01..100.0",
                assertThrows(IllegalArgumentException.class, () -> d.withTemperature(0)).getMessage());
        assertEquals("chosenExpert: 5 is outside 0..4",
                assertThrows(IllegalArgumentException.class, () -> d.withChosenExpert(5)).getMessage());
        assertEquals("gateWeights[1]: need exactly 2 numbers (the plane)", assertThrows(IllegalArgumentException.class,
                () -> d.withGates(new double[][] {{1, 2}, {3}}, new double[] {0, 0})).getMessage());
        assertEquals("gateWeights[0][1]: NaN is not finite", assertThrows(IllegalArgumentException.class,
                () -> d.withGates(new double[][] {{1, Double.NaN}, {3, 4}}, new double[] {0, 0})).getMessage());
        assertEquals("router: missing", assertThrows(IllegalArgumentException.class, () -> d.withRouter(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MoeState(d.gateWeights(), d.gateBiases(), 2, 1, Router.TOPK_SOFTMAX,
                1, 0, new double[] {1, 0, 0, 1}, List.of(FitCase.EXACT), new int[] {100}, 2, 0.1, 1));
        // a withGates to fewer experts clamps K and the chosen expert
        MoeState two = d.withTopK(5).withChosenExpert(4).withGates(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0});
        assertEquals(2, two.topK());
        assertEquals(1, two.chosenExpert());
    }

    @Test
    void arraysAreCopied() {
        double[][] w = {{1, 0}, {0, 1}};
        MoeState s = MoeState.defaults().withGates(w, new double[] {0, 0});
        w[0][0] = 99;
        assertEquals(1, s.gateWeights()[0][0]);
        s.gateWeights()[0][0] = 99;
        assertEquals(1, s.gateWeights()[0][0]);
    }

    private static int[] toInts(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) v[i] = b[i];
        return v;
    }
}
