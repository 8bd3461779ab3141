package lab.softmax.engine.ghosts.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.ghosts.train.Choices.Controller;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.api.Test;

class StepSafetyRunTest {
    private static final Dataset.Split BLOBS = Blobs.generate(Blobs.SEPARATION);

    private static StepSafetyConfig spike(Controller c) {
        return new StepSafetyConfig(Choices.DatasetKind.BLOBS, Choices.ModelKind.LINEAR, Choices.OptimizerKind.ADAM,
                1e-2, 1000, 10, 40, c, 1, 40, 1, 64);
    }

    @Test
    void rhoControllerKeepsEveryStepInsideTheRadius() {
        List<StepRecord> rho = StepSafetyRun.run(spike(Controller.RHO), BLOBS, r -> { }, Progress.NONE, Cancellation.none());
        for (StepRecord r : rho) {
            assertTrue(r.r() <= 1 + 1e-12, "step " + r.step() + " r = " + r.r());
            assertEquals(r.stepNorm() / r.rhoA(), r.r(), 1e-12 * Math.max(1, r.r()));
            if (r.lr() * (r.stepNorm() / r.lrEffective()) > r.rhoA()) assertEquals(1.0, r.r(), 1e-12);
        }
        assertEquals(1.0, rho.get(20).r(), 1e-12);
        List<StepRecord> plain = StepSafetyRun.run(spike(Controller.NONE), BLOBS, r -> { }, Progress.NONE, Cancellation.none());
        assertTrue(plain.get(20).r() > 10, "the spiked plain step is far outside the radius: r = " + plain.get(20).r());
        assertTrue(plain.get(5).r() < 1);
        assertEquals(rho.get(5), plain.get(5), "before the spike both runs are the same run");
    }

    @Test
    void sameSeedSameRecordsAndCancellationStops() {
        StepSafetyConfig cfg = spike(Controller.CLIP).withSeed(9);
        List<StepRecord> a = StepSafetyRun.run(cfg, BLOBS, r -> { }, Progress.NONE, Cancellation.none());
        List<StepRecord> b = StepSafetyRun.run(cfg, BLOBS, r -> { }, Progress.NONE, Cancellation.none());
        assertEquals(a, b);
        Cancellation cancel = new Cancellation();
        int[] seen = {0};
        try {
            StepSafetyRun.run(cfg, BLOBS, r -> {
                if (++seen[0] == 3) cancel.cancel();
            }, Progress.NONE, cancel);
        } catch (CancelledException expected) {
            assertEquals(3, seen[0]);
            return;
        }
        throw new AssertionError("not cancelled");
    }
}
