package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.api.Test;

class GrokkingRunTest {

    private static GrokkingConfig small(int epochs, int every) {
        return new GrokkingConfig(Task.MODULAR, Operation.ADD, 23, 0.5, List.of(32, 32), OptimizerKind.ADAMW, 0.01,
                0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, epochs, every, 3, 3, 40, 2000);
    }

    private static List<EpochMetrics> withoutTime(List<EpochMetrics> ms) {
        return ms.stream().map(m -> new EpochMetrics(m.epoch(), m.trainLoss(), m.trainAcc(), m.testLoss(), m.testAcc(),
                m.scFraction(), m.zeroLossFraction(), m.meanAbsLogit(), m.meanTop2Gap(), m.weightNorm(), m.nlmCosine(), 0)).toList();
    }

    @Test
    void sameSeedSameMetricsForAnyThreadCount() {
        GrokkingRun one = new GrokkingRun(small(40, 10), 1);
        one.run(Cancellation.none(), Progress.NONE, m -> { });
        GrokkingRun two = new GrokkingRun(small(40, 10), 2);
        two.run(Cancellation.none(), Progress.NONE, m -> { });
        assertEquals(withoutTime(one.history()), withoutTime(two.history()));
        assertEquals(List.of(0, 10, 20, 30, 40), one.history().stream().map(EpochMetrics::epoch).toList());
    }

    @Test
    void pauseAndResumeGiveTheSameRunAsOneGo() {
        GrokkingRun whole = new GrokkingRun(small(30, 10), 2);
        whole.run(Cancellation.none(), Progress.NONE, m -> { });
        GrokkingRun paused = new GrokkingRun(small(30, 10), 2);
        Cancellation cancel = new Cancellation();
        List<EpochMetrics> seen = new ArrayList<>();
        assertThrows(CancelledException.class, () -> paused.run(cancel, Progress.NONE, m -> {
            seen.add(m);
            if (m.epoch() == 10) cancel.cancel();
        }));
        assertEquals(11, paused.epoch(), "stops at the next epoch boundary after the cancel");
        paused.run(Cancellation.none(), Progress.NONE, seen::add);
        assertEquals(withoutTime(whole.history()), withoutTime(seen));
    }

    @Test
    void adamWithoutRegularisationFitsTheTrainingSetAndGrowsTheLogits() {
        GrokkingRun run = new GrokkingRun(small(150, 50), 2);
        run.run(Cancellation.none(), Progress.NONE, m -> { });
        EpochMetrics first = run.history().getFirst();
        EpochMetrics last = run.history().getLast();
        assertEquals(1.0, last.trainAcc(), 0);
        assertTrue(last.meanAbsLogit() > 3 * first.meanAbsLogit());
        assertTrue(last.weightNorm() > first.weightNorm());
        assertTrue(last.nlmCosine() > 0.5, "after fitting, -grad points along theta: " + last.nlmCosine());
    }

    @Test
    void anatomyOfACollapsedSampleShowsTheSumOfOneAndAZeroTargetGradient() {
        GrokkingRun run = new GrokkingRun(small(150, 50), 2);
        run.run(Cancellation.none(), Progress.NONE, m -> { });
        SampleAnatomy a = run.inspect(0);
        assertEquals(run.data().trainY()[0], a.target());
        assertEquals(a.collapsed(), a.loss() == 0);
        assertEquals(a.collapsed(), a.gradient()[a.target()] == 0);
        assertEquals(1.0, a.expTerms()[a.predicted()], 0);
        double sum = 0;
        for (double t : a.expTerms()) sum += t;
        assertEquals(sum, a.sumExp(), 1e-6 * sum);
        assertThrows(IllegalArgumentException.class, () -> run.inspect(-1));
    }
}
