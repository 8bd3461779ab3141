package lab.softmax.engine.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The reference is checked against published constants before it checks anything else. */
class BigReferenceTest {
    private static final BigDecimal LN2 = new BigDecimal("0.69314718055994530941723212145817656807550013436026");
    private static final BigDecimal E = new BigDecimal("2.7182818284590452353602874713526624977572470937000");

    private static void assertClose(BigDecimal expected, BigDecimal actual, String digits) {
        BigDecimal err = expected.subtract(actual).abs();
        assertTrue(err.compareTo(expected.abs().multiply(new BigDecimal(digits))) <= 0,
                "expected " + expected + " got " + actual);
    }

    @Test
    void expAndLogMatchKnownConstants() {
        assertClose(E, BigReference.exp(BigDecimal.ONE), "1e-42");
        assertClose(LN2, BigReference.log1p(BigDecimal.ONE), "1e-42");
        assertClose(BigDecimal.ONE, BigReference.exp(new BigDecimal("-12345.678")).multiply(BigReference.exp(new BigDecimal("12345.678"))), "1e-40");
        assertClose(BigDecimal.TEN, BigReference.exp(BigReference.log(BigDecimal.TEN)), "1e-42");
        assertEquals(Math.exp(-700.25), BigReference.exp(new BigDecimal("-700.25")).doubleValue(), Math.ulp(Math.exp(-700.25)));
        assertEquals(Math.log1p(0x1p-30), BigReference.log1p(new BigDecimal(0x1p-30)).doubleValue(), 0.0);
        BigDecimal tiny = new BigDecimal("1e-90");
        assertClose(tiny.subtract(tiny.multiply(tiny).divide(BigDecimal.TWO)), BigReference.log1p(tiny), "1e-42");
        assertEquals(Math.log1p(0.7), BigReference.log1p(new BigDecimal(0.7)).doubleValue(), Math.ulp(Math.log1p(0.7)));
        assertEquals(Math.exp(-161.5), BigReference.exp(new BigDecimal(-161.5)).doubleValue(), Math.ulp(Math.exp(-161.5)));
    }

    @Test
    void smallClosedForms() {
        double[] two = BigReference.softmax(new double[] {Math.log(3), 0}, 1);
        assertEquals(0.75, two[0], 1e-16);
        // sparsemax of (1, 0.5, -1): support {0,1}, tau = (1.5 - 1)/2 = 0.25
        double[] sp = BigReference.sparsemax(new double[] {1, 0.5, -1}, 1);
        assertEquals(0.75, sp[0], 0);
        assertEquals(0.25, sp[1], 0);
        assertEquals(0, sp[2], 0);
        // entmax-1.5 of (0, 0): p = (0 - tau)^2 = 1/2 each, tau = -1/sqrt(2)
        double[] em = BigReference.entmax15(new double[] {0, 0, Double.NEGATIVE_INFINITY}, 1);
        assertEquals(0.5, em[0], 1e-16);
        assertEquals(0.0, em[2], 0);
        // stablemax of (1, -1): s = 2 and 1/2
        double[] st = BigReference.stablemax(new double[] {1, -1}, 1);
        assertEquals(0.8, st[0], 1e-16);
    }
}
