package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigitsTest {
    static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("sample-data/data/digits.csv.gz");
            if (Files.exists(p)) return p;
        }
        throw new IllegalStateException("sample-data/data/digits.csv.gz not found");
    }

    @Test
    void stratifiedSplitPutsRoundedFifthOfEachClassInTheTestSet() {
        Dataset.Split s = Digits.load(file(), 0);
        assertEquals(1797, s.train().size() + s.test().size());
        assertEquals(64, s.train().features());
        int[] total = new int[10];
        int[] test = new int[10];
        for (int y : s.train().y()) total[y]++;
        for (int y : s.test().y()) {
            total[y]++;
            test[y]++;
        }
        for (int c = 0; c < 10; c++) assertEquals(Math.round(0.2 * total[c]), test[c], "class " + c);
        for (double[] row : s.train().x()) for (double v : row) assertTrue(v >= 0 && v <= 1);
    }

    @Test
    void splitDependsOnTheSeedOnly() {
        Dataset.Split a = Digits.load(file(), 3);
        Dataset.Split b = Digits.load(file(), 3);
        Dataset.Split c = Digits.load(file(), 4);
        assertTrue(Arrays.deepEquals(a.test().x(), b.test().x()));
        assertNotEquals(Arrays.deepHashCode(a.test().x()), Arrays.deepHashCode(c.test().x()));
    }
}
