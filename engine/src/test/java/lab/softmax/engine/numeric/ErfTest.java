package lab.softmax.engine.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** erf, erfc and Φ against 25-digit values (mpmath, 40 digits of working precision, at the exact double arguments). */
class ErfTest {
    private static void close(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, relative * Math.abs(expected), what);
    }

    @Test
    void erfAndErfcMatchHighPrecisionValuesOnBothSidesOfTheSeriesLimit() {
        double[][] cases = {
            // x, erf x, erfc x
            {1e-8, 1.128379167095512559892102e-8, 0.9999999887162083290448744},
            {0.1, 0.1124629160182848984047123, 0.8875370839817151015952877},
            {0.5, 0.5204998778130465376827467, 0.4795001221869534623172533},
            {1, 0.8427007929497148693412206, 0.1572992070502851306587794},
            {2, 0.9953222650189527341620693, 0.004677734981047265837930744},
            {2.9, 0.9999589021219005411420041, 0.00004109787809945885799587684},
            {3, 0.9999779095030014145586272, 0.00002209049699858544137277613},
            {3.1, 0.9999883513426328004106865, 0.00001164865736719958931345809},
            {4, 0.9999999845827420997199811, 1.541725790028001885215967e-8},
            {5.5, 0.999999999999992642152082, 7.357847917974398063068362e-15},
            {10, 1.0, 2.088487583762544757000786e-45},
            {26, 1.0, 5.663192408856142846475728e-296},
            {-0.7, -0.6778011938374184422768582, 1.677801193837418442276858},
            {-3.5, -0.9999992569016276585872545, 1.999999256901627658587254},
        };
        for (double[] c : cases) {
            close(c[1], Erf.erf(c[0]), 4e-16, "erf(" + c[0] + ")");
            if (Math.abs(c[0]) <= 2) {
                // 1 − erf there: exact to an absolute 2e-16, not in relative terms as erfc gets small
                assertEquals(c[2], Erf.erfc(c[0]), 2.5e-16, "erfc(" + c[0] + ")");
            } else {
                close(c[2], Erf.erfc(c[0]), 1e-15, "erfc(" + c[0] + ")");
            }
        }
        assertEquals(0.0, Erf.erf(0.0));
        assertEquals(-Erf.erf(1.7), Erf.erf(-1.7));
    }

    @Test
    void normalCdfAndDensity() {
        double[][] cases = {
            {-9, 1.128588405953840647735502e-19},
            {-3, 0.001349898031630094526651815},
            {-1, 0.1586552539314570514147675},
            {0.3, 0.6179114221889526330722736},
            {2, 0.9772498680518207927997174},
        };
        for (double[] c : cases) {
            // Φ(−9) is the tail erfc(6.36…): relative error 81× the rounding of x/√2 (its condition number 2t²)
            if (c[0] < -2.83) close(c[1], Erf.normalCdf(c[0]), 2e-14, "Phi(" + c[0] + ")");
            else assertEquals(c[1], Erf.normalCdf(c[0]), 2e-16, "Phi(" + c[0] + ")");
        }
        close(Math.exp(-2) / Math.sqrt(2 * Math.PI), Erf.normalPdf(2), 1e-15, "phi(2)");
    }
}
