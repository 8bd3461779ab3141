package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.api.Test;

class LrStepMapTest {
    private static final Dataset.Split BLOBS = Blobs.generate(Blobs.SEPARATION);

    private static StepSafetyConfig base(Controller c) {
        return new StepSafetyConfig(Choices.DatasetKind.BLOBS, Choices.ModelKind.LINEAR, Choices.OptimizerKind.ADAM,
                1e-3, 1000, 2, 6, c, 1, 6, 3, 64);
    }

    @Test
    void ratesAreLogSpacedDecades() {
        double[] rates = LrStepMap.rates(1e-4, 1, 5);
        double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        for (int i = 0; i < 5; i++) assertEquals(expected[i], rates[i], 1e-12 * expected[i]);
        assertThrows(IllegalArgumentException.class, () -> LrStepMap.rates(0, 1, 4));
    }

    /**
     * At step 0 Adam's direction and ρ_a at the initial point do not depend on the rate, and there is no
     * spike in the map, so r_0 = lr·‖d_0‖/ρ_a must be exactly proportional to lr across the rows.
     */
    @Test
    void firstStepRatioIsProportionalToTheRateAndRowsStreamInOrder() {
        double[] rates = LrStepMap.rates(1e-3, 1, 4);
        List<LrStepMap.Row> seen = new ArrayList<>();
        List<LrStepMap.Row> rows = LrStepMap.run(base(Controller.NONE), rates, BLOBS, seen::add, Progress.NONE, Cancellation.none());
        assertEquals(rows, seen);
        double perRate = rows.get(0).r()[0] / rates[0];
        assertTrue(perRate > 0 && Double.isFinite(perRate));
        for (LrStepMap.Row row : rows) {
            assertEquals(6, row.r().length);
            assertEquals(perRate * row.lr(), row.r()[0], 1e-9 * perRate * row.lr(), "row " + row.index());
        }
        assertTrue(rows.get(3).r()[0] > 1, "lr 1 on the first step is outside the radius: " + rows.get(3).r()[0]);
    }

    @Test
    void rhoControllerRowsNeverExceedOneAndCancellationStops() {
        double[] rates = LrStepMap.rates(1e-2, 1, 3);
        for (LrStepMap.Row row : LrStepMap.run(base(Controller.RHO), rates, BLOBS, r -> { }, Progress.NONE, Cancellation.none())) {
            for (double r : row.r()) assertTrue(r <= 1 + 1e-12, "lr " + row.lr() + ": r = " + r);
        }
        Cancellation cancel = new Cancellation();
        int[] rowsSeen = {0};
        assertThrows(CancelledException.class, () -> LrStepMap.run(base(Controller.NONE), rates, BLOBS, r -> {
            rowsSeen[0]++;
            cancel.cancel();
        }, Progress.NONE, cancel));
        assertEquals(1, rowsSeen[0]);
    }
}
