package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

class DistributionsStateTest {
    @Test
    void defaultsAndImmutableListsConstruct() {
        DistributionsState d = DistributionsState.defaults();
        assertEquals(Precision.FP32, d.precision());
        DistributionsState s = new DistributionsState(new double[] {1, 2}, 1, Precision.FP64,
                List.of(NormalizerKind.SOFTMAX), true, 1, false);
        assertEquals(List.of(NormalizerKind.SOFTMAX), s.normalizers());
    }

    @Test
    void defensiveCopiesAndValidation() {
        double[] z = {1, 2, 3};
        DistributionsState s = DistributionsState.defaults().withLogits(z);
        z[0] = 99;
        assertArrayEquals(new double[] {1, 2, 3}, s.logits(), 0.0);
        s.logits()[1] = 99;
        assertEquals(2.0, s.logits()[1]);
        assertEquals(0.5, s.withTemperature(0.5).temperature());
        assertThrows(IllegalArgumentException.class, () -> s.withTemperature(100.5));
        List<NormalizerKind> withNull = new ArrayList<>(Arrays.asList(NormalizerKind.SOFTMAX, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DistributionsState(
                new double[] {1}, 1, Precision.FP64, withNull, true, 1, false));
        assertEquals("normalizers[1]: null entry", e.getMessage());
    }
}
