package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSpreadTest {
    private static SeedSpread.Run run(long seed, int epochs, double... testAccEvery500) {
        List<EpochMetrics> ms = new ArrayList<>();
        for (int i = 0; i < testAccEvery500.length; i++) {
            ms.add(new EpochMetrics(500 * i, 1, 1, 1, testAccEvery500[i], 0, 0, 1, 1, 1, 0, 0));
        }
        return new SeedSpread.Run(CollapseConfig.defaults().withSeed(seed).withEpochs(epochs, 500), ms);
    }

    @Test
    void medianLowestAndHighestPerEpochUpToTheShortestRun() {
        SeedSpread s = SeedSpread.of(List.of(
                run(42, 1500, 0.0, 0.2, 0.9, 0.95),   // longer: its last epoch is left out
                run(1, 1000, 0.0, 0.1, 0.3),
                run(2, 1000, 0.0, 0.4, 0.5),
                run(3, 1000, 0.0, 0.3, 0.7))).orElseThrow();
        assertEquals(4, s.runs());
        assertArrayEquals(new int[] {0, 500, 1000}, s.epochs());
        assertArrayEquals(new double[] {0, 0.25, 0.6}, s.median(), 1e-15, "even count: mean of the middle two");
        assertArrayEquals(new double[] {0, 0.1, 0.3}, s.lowest(), 0);
        assertArrayEquals(new double[] {0, 0.4, 0.9}, s.highest(), 0);
    }

    @Test
    void anOddCountTakesTheMiddleValue() {
        SeedSpread s = SeedSpread.of(List.of(run(1, 500, 0.0, 0.8), run(2, 500, 0.0, 0.1), run(3, 500, 0.0, 0.5))).orElseThrow();
        assertEquals(0.5, s.median()[1]);
    }

    @Test
    void noSpreadForFewRunsOtherSettingsOrARepeatedSeed() {
        assertTrue(SeedSpread.of(List.of(run(1, 500, 0, 1), run(2, 500, 0, 1))).isEmpty(), "two runs");
        SeedSpread.Run otherLr = new SeedSpread.Run(new CollapseConfig(CollapseConfig.defaults().task(),
                CollapseConfig.defaults().operation(), 113, 0.4, List.of(200, 200), CollapseConfig.defaults().optimizer(), 0.02,
                0.9, 0.99, 1e-25, 0.2, 0, CollapseConfig.defaults().loss(), CollapseConfig.defaults().lossPrecision(), false,
                500, 500, 9, 3, 40, 2000), run(9, 500, 0, 1).metrics());
        assertTrue(SeedSpread.of(List.of(run(1, 500, 0, 1), run(2, 500, 0, 1), otherLr)).isEmpty(), "another learning rate");
        assertTrue(SeedSpread.of(List.of(run(1, 500, 0, 1), run(1, 500, 0, 1), run(2, 500, 0, 1))).isEmpty(), "seed 1 twice");
    }
}
