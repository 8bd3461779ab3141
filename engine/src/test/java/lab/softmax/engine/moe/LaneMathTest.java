package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class LaneMathTest {
    private static final int L = LaneMath.S.length();

    /** StrictMath (fdlibm, < 1 ulp) is the reference; the lanes must agree with their scalar twin bit for bit. */
    @Test
    void expMatchesStrictMathWithinTwoUlpAndItsScalarTwinExactly() {
        SplitMix64 rng = new SplitMix64(1);
        int count = 4096 * L;
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            // a log-uniform spread of magnitudes down to −708, plus exact zeros and integers
            v[i] = switch (i % 4) {
                case 0 -> -708 * rng.nextDouble();
                case 1 -> -Math.pow(10, -12 + 14 * rng.nextDouble());
                case 2 -> -Math.floor(700 * rng.nextDouble());
                default -> i % 8 == 3 ? 0.0 : -0.5 * Math.log(2) * rng.nextDouble();
            };
        }
        double[] lanes = v.clone();
        LaneMath.expNonPositive(lanes, 0, count);
        for (int i = 0; i < count; i++) {
            double want = StrictMath.exp(v[i]);
            assertTrue(Math.abs(lanes[i] - want) <= 2 * Math.ulp(want), "exp(" + v[i] + ") = " + lanes[i] + ", want " + want);
            assertEquals(Double.doubleToRawLongBits(LaneMath.expNonPositive(v[i])), Double.doubleToRawLongBits(lanes[i]), "x = " + v[i]);
        }
        assertEquals(1.0, LaneMath.expNonPositive(0.0));
        assertEquals(StrictMath.exp(-708), LaneMath.expNonPositive(-1e6), 2 * Math.ulp(StrictMath.exp(-708)));
        assertTrue(Double.isNaN(LaneMath.expNonPositive(Double.NaN)));
    }

    @Test
    void logMatchesStrictMathWithinFourUlpAndItsScalarTwinExactly() {
        SplitMix64 rng = new SplitMix64(2);
        int count = 4096 * L;
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (i % 3) {
                case 0 -> Math.pow(10, -300 + 600 * rng.nextDouble());
                case 1 -> 1 + (rng.nextDouble() - 0.5) * 1e-6;
                default -> 1.0 / 3 + 3 * rng.nextDouble();
            };
        }
        v[0] = 1;
        v[1] = 2;
        v[2] = 0.5;
        v[3] = Math.sqrt(2);
        double[] lanes = v.clone();
        LaneMath.log(lanes, 0, count);
        for (int i = 0; i < count; i++) {
            double want = StrictMath.log(v[i]);
            assertTrue(Math.abs(lanes[i] - want) <= 4 * Math.ulp(want) + 1e-300, "log(" + v[i] + ") = " + lanes[i] + ", want " + want);
            assertEquals(Double.doubleToRawLongBits(LaneMath.log(v[i])), Double.doubleToRawLongBits(lanes[i]), "v = " + v[i]);
        }
        assertEquals(0.0, LaneMath.log(1.0));
    }
}
