package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The status line names the kernels that {@link Kernels#create} really hands out. */
class VectorSupportTest {
    @Test
    void theDescriptionMatchesTheKernelsInUse() {
        SoftmaxKernel k = Kernels.create(Algorithm.TWO_PASS, Impl.VECTOR);
        String d = VectorSupport.describe();
        if (k.impl() == Impl.VECTOR) {
            assertTrue(d.startsWith("vector kernels, " + VectorSupport.vectorBits() + "-bit"), d);
            assertEquals(VectorSupport.vectorBits() / 32, VectorSupport.lanes());
        } else {
            assertTrue(d.startsWith("scalar kernels"), d);
        }
    }
}
