package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lab.softmax.engine.io.Json;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

class AttentionStateTest {
    @Test
    void defaultsAreValidAndRunAMap() {
        AttentionState s = AttentionState.defaults();
        assertEquals("attention", AttentionState.TYPE.lab());
        assertEquals(1, AttentionState.TYPE.version());
        AttentionResult r = Attention.compute(s.generatedInput(), s.config());
        assertEquals(s.heads(), r.heads().size());
        assertEquals(s.contextLength(), r.output().length);
        assertEquals(1500, s.needleConfig().steps());
    }

    @Test
    void validationNamesTheControl() {
        AttentionState s = AttentionState.defaults();
        assertEquals("temperature: 0.0 is outside 0.01..100.0",
                assertThrows(IllegalArgumentException.class, () -> s.withTemperature(0)).getMessage());
        assertEquals("ssaToken: 3 entries; expected 0 or headDim = 16",
                assertThrows(IllegalArgumentException.class, () -> s.withSsa(0.1, new double[3])).getMessage());
        assertEquals("ssaSlope: -1.0 is outside 0..10.0",
                assertThrows(IllegalArgumentException.class, () -> s.withSsa(-1, new double[0])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.withMask(MaskKind.PADDING, 65));
        assertThrows(IllegalArgumentException.class, () -> s.withMask(MaskKind.PATTERN, 0));
    }

    @Test
    void defensiveCopiesAndJsonRoundTrip() throws Exception {
        double[] u = new double[16];
        u[2] = 0.5;
        AttentionState s = AttentionState.defaults().withSsa(0.2, u).withPrecision(Precision.BF16);
        u[2] = 9;
        assertEquals(0.5, s.ssaToken()[2], 0.0);
        String text = Json.mapper().writeValueAsString(s);
        AttentionState back = Json.mapper().readValue(text, AttentionState.class);
        assertEquals(Precision.BF16, back.precision());
        assertArrayEquals(s.ssaToken(), back.ssaToken(), 0.0);
        assertEquals(s.mask(), back.mask());
        assertEquals(s.preset(), back.preset());
        assertEquals(text, Json.mapper().writeValueAsString(back));
    }

    @Test
    void mapJsonHasTheContractShape() throws Exception {
        AttentionInput in = AttentionInput.of(new double[][] {{1}, {0}}, new double[][] {{1}, {0}}, new double[][] {{2}, {4}});
        String json = Json.mapper().writeValueAsString(Attention.compute(in, AttentionConfig.defaults()).map(0));
        assertEquals(true, json.startsWith("{\"weights\":[["), json);
        assertEquals(true, json.contains("\"entropy\":[") && json.contains("\"output\":[["), json);
    }
}
