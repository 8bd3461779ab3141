package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import lab.softmax.engine.numeric.IndependentRounding;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

class RoundingTest {
    @Test
    void fastFp16RoundingAgreesWithTheGenericEmulationOnSumsAndProductsOfHalves() {
        Random rnd = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double a = Precision.FP16.round(Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(40) - 25));
            double b = Precision.FP16.round(Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(40) - 25));
            for (double exact : new double[] {a + b, a - b, a * b, b == 0 ? 0 : a / b}) {
                assertEquals(Precision.FP16.round(exact), Rounding.round(Precision.FP16, exact), 0, a + " op " + b);
            }
        }
    }

    @Test
    void fp32MatchesTheBitLevelReference() {
        assertEquals(0x1.99999ap-4, Rounding.round(Precision.FP32, 0.1), 0, "0.1 in fp32: 0x1.99999ap-4");
        assertEquals(0.1, Rounding.round(Precision.FP64, 0.1), 0);
        Random rnd = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            double d = Math.scalb(rnd.nextDouble() * 2 - 1, rnd.nextInt(300) - 150);
            assertEquals(IndependentRounding.fp32(d), Rounding.round(Precision.FP32, d), 0, "fp32 of " + d);
        }
    }
}
