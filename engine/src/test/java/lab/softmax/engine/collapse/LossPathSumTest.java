package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;

/**
 * The SC test's 16-bit total against the loss's float32 sum, on logits worked by hand: 1 + 2e^−9 = 1.000246800…
 * is below 1 + 2^−11 (half an fp16 step at 1), so it rounds to exactly 1 in fp16 but not in float32.
 */
class LossPathSumTest {
    @Test
    void fp16ScSumIsOneWhileTheLossSumIsNot() {
        double[] z = {10, 1, 1};
        assertEquals(1.0, SoftmaxCollapse.sumExp(z, 3, Precision.FP16));
        double inside = SoftmaxCollapse.lossPathSum(z, 3, Precision.FP16);
        assertEquals(1 + 2 * Math.exp(-9), inside, 1.2e-7, "float32 keeps the two terms (one float32 step at 1 is 1.19e-7)");
        assertEquals((float) inside, inside, 0.0, "the loss path's total is a float32");
    }

    @Test
    void fp32AndFp64AgreeWithTheScSumWhereTheyHaveNoWiderInside() {
        double[] z = {3, 1, -2, 0.5};
        double exact = 1 + Math.exp(-2) + Math.exp(-5) + Math.exp(-2.5);
        assertEquals(exact, SoftmaxCollapse.lossPathSum(z, 4, Precision.FP64), 1e-15);
        assertEquals(exact, SoftmaxCollapse.lossPathSum(z, 4, Precision.FP32), 3e-7);
        assertEquals(SoftmaxCollapse.sumExp(z, 4, Precision.FP32), SoftmaxCollapse.lossPathSum(z, 4, Precision.FP32), 0.0);
    }
}
