package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.io.InputException;
import org.junit.jupiter.api.Test;

/** Sizes as users type them, shared by `bench` and the paired Java/C harness. */
class BenchConfigSizeTest {
    @Test
    void suffixesAreBinaryMultiples() {
        assertEquals(16384, BenchConfig.parseSize("16K", "--sizes", BenchConfig.MAX_SIZE));
        assertEquals(4 * 1048576, BenchConfig.parseSize(" 4m ", "--sizes", BenchConfig.MAX_SIZE));
        assertEquals(1000, BenchConfig.parseSize("1000", "--sizes", BenchConfig.MAX_SIZE));
        assertEquals(1 << 27, BenchConfig.parseSize("128M", "--sizes", BenchConfig.MAX_SIZE));
    }

    @Test
    void badTextAndOutOfRangeNameTheOptionAndTheText() {
        InputException notASize = assertThrows(InputException.class, () -> BenchConfig.parseSize("16Q", "--sizes", 100));
        assertTrue(notASize.getMessage().contains("--sizes") && notASize.getMessage().contains("'16Q' is not a size"),
                notASize.getMessage());
        InputException tooBig = assertThrows(InputException.class, () -> BenchConfig.parseSize("1K", "--probe-size", 1000));
        assertTrue(tooBig.getMessage().contains("--probe-size") && tooBig.getMessage().contains("'1K' is outside 1..1000"),
                tooBig.getMessage());
        assertThrows(InputException.class, () -> BenchConfig.parseSize("0", "--sizes", 100));
    }
}
