package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import lab.softmax.engine.nn.SparseRows;
import org.junit.jupiter.api.Test;

class CollapseDataTest {

    @Test
    void paperSplitSizes() {
        assertEquals(5107, CollapseData.modular(Operation.ADD, 113, 0.4, 42).trainY().length);
        assertEquals(7661, CollapseData.modular(Operation.ADD, 113, 0.6, 42).trainY().length);
        CollapseData d70 = CollapseData.modular(Operation.ADD, 113, 0.7, 42);
        assertEquals(8938, d70.trainY().length);
        assertEquals(12769 - 8938, d70.testY().length);
    }

    @Test
    void labelsAndDisjointCoveringSplit() {
        int p = 13;
        for (Operation op : Operation.values()) {
            CollapseData d = CollapseData.modular(op, p, 0.3, 7);
            Set<Integer> seen = new HashSet<>();
            check(d.trainX(), d.trainY(), op, p, seen);
            check(d.testX(), d.testY(), op, p, seen);
            assertEquals(p * p, seen.size());
        }
    }

    private static void check(SparseRows x, int[] y, Operation op, int p, Set<Integer> seen) {
        for (int r = 0; r < x.rows(); r++) {
            assertEquals(2, x.start()[r + 1] - x.start()[r]);
            int a = x.index()[x.start()[r]];
            int b = x.index()[x.start()[r] + 1] - p;
            int expected = switch (op) {
                case ADD -> (a + b) % p;
                case SUB -> ((a - b) % p + p) % p;
                case MUL -> a * b % p;
            };
            assertEquals(expected, y[r]);
            seen.add(a * p + b);
        }
    }

    @Test
    void splitIsSeeded() {
        assertArrayEquals(CollapseData.modular(Operation.ADD, 23, 0.4, 1).trainY(), CollapseData.modular(Operation.ADD, 23, 0.4, 1).trainY());
        assertNotEquals(CollapseData.modular(Operation.ADD, 23, 0.4, 1).trainX(), CollapseData.modular(Operation.ADD, 23, 0.4, 2).trainX());
    }

    @Test
    void sparseParityLabelsAreTheParityOfTheFirstBits() {
        CollapseData d = CollapseData.sparseParity(3, 40, 2000, 0.5, 42);
        assertEquals(1000, d.trainY().length);
        assertEquals(43, d.inputs());
        SparseRows x = d.trainX();
        for (int r = 0; r < x.rows(); r++) {
            int ones = 0;
            for (int t = x.start()[r]; t < x.start()[r + 1]; t++) if (x.index()[t] < 3) ones++;
            assertEquals(ones % 2, d.trainY()[r]);
        }
    }
}
