package lab.softmax.engine.collapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class CollapseTrainerTest {

    private static CollapseConfig small(int epochs, int every) {
        return new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 23, 0.5, List.of(32, 32), OptimizerKind.ADAMW, 0.01,
                0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, epochs, every, 3, 3, 40, 2000);
    }

    /** Small, fast-fitting and without weight decay: the logits outgrow the fp32 absorption gap within a few hundred epochs. */
    private static CollapseConfig collapsing(int epochs) {
        return new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 11, 0.9, List.of(32, 32), OptimizerKind.ADAMW, 0.03,
                0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, epochs, epochs, 3, 3, 40, 2000);
    }

    private static List<EpochMetrics> withoutTime(List<EpochMetrics> ms) {
        return ms.stream().map(m -> new EpochMetrics(m.epoch(), m.trainLoss(), m.trainAcc(), m.testLoss(), m.testAcc(),
                m.scFraction(), m.zeroLossFraction(), m.meanAbsLogit(), m.meanTop2Gap(), m.weightNorm(), m.nlmCosine(), 0)).toList();
    }

    @Test
    void sameSeedSameMetricsForAnyThreadCount() {
        CollapseTrainer one = new CollapseTrainer(small(40, 10), 1);
        one.run(Cancellation.none(), Progress.NONE, m -> { });
        CollapseTrainer two = new CollapseTrainer(small(40, 10), 2);
        two.run(Cancellation.none(), Progress.NONE, m -> { });
        assertEquals(withoutTime(one.history()), withoutTime(two.history()));
        assertEquals(List.of(0, 10, 20, 30, 40), one.history().stream().map(EpochMetrics::epoch).toList());
    }

    @Test
    void pauseAndResumeGiveTheSameRunAsOneGo() {
        CollapseTrainer whole = new CollapseTrainer(small(30, 10), 2);
        whole.run(Cancellation.none(), Progress.NONE, m -> { });
        CollapseTrainer paused = new CollapseTrainer(small(30, 10), 2);
        Cancellation cancel = new Cancellation();
        List<EpochMetrics> seen = new ArrayList<>();
        assertThrows(CancelledException.class, () -> paused.run(cancel, Progress.NONE, m -> {
            seen.add(m);
            if (m.epoch() == 10) cancel.cancel();
        }));
        assertEquals(10, paused.epoch(), "a cancel while epoch 10 is logged stops before its update (redone on resume)");
        paused.run(Cancellation.none(), Progress.NONE, seen::add);
        assertEquals(withoutTime(whole.history()), withoutTime(seen));
    }

    /**
     * Cancelled at every cancellation check of every epoch in turn (its 2nd check, then its 3rd, ...: deep inside the
     * forward, the backward, the products and the measurement) and resumed each time: the same metrics and the same
     * parameters, bit for bit, as a run never paused.
     */
    @Test
    void pausedAtEveryCheckInsideEpochsAndResumedGivesTheSameRunBitForBit() {
        // 128 wide: the middle weight matrix (16 384 values) is large enough for AdamW to split it between the threads,
        // so a cancellation that reached into the update would leave it half done and show here
        CollapseConfig wide = new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 23, 0.5, List.of(128, 128), OptimizerKind.ADAMW,
                0.01, 0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, 4, 2, 3, 3, 40, 2000);
        CollapseTrainer whole = new CollapseTrainer(wide, 2);
        whole.run(Cancellation.none(), Progress.NONE, m -> { });
        CollapseTrainer paused = new CollapseTrainer(wide, 2);
        List<EpochMetrics> seen = new ArrayList<>();
        int pausesInsideAnEpoch = 0;
        // every attempt starts at the start of an epoch; k walks through that epoch's checks until one attempt gets past it
        long k = 2;
        while (!paused.finished()) {
            assertTrue(k < 100_000, "the run makes progress between pauses");
            int epochBefore = paused.epoch();
            int loggedBefore = seen.size();
            try {
                paused.run(Cancellation.afterChecks(k), Progress.NONE, seen::add);
            } catch (CancelledException e) {
                if (paused.epoch() == epochBefore && seen.size() == loggedBefore) pausesInsideAnEpoch++;
            }
            k = paused.epoch() == epochBefore ? k + 1 : 2;
        }
        assertTrue(pausesInsideAnEpoch > 100, pausesInsideAnEpoch + " pauses landed inside an epoch");
        assertEquals(withoutTime(whole.history()), withoutTime(seen));
        for (int t = 0; t < whole.parameters().size(); t++) {
            assertArrayEquals(whole.parameters().get(t).value(), paused.parameters().get(t).value(), whole.parameters().get(t).name());
        }
    }

    /**
     * Making a large model takes a noticeable time, so a Pause may come while the trainer is being made: cancelled at
     * each of its checks in turn, making it stops there; made with checks that never fire, it is the same model as one
     * made without them.
     */
    @Test
    void aTrainerBeingMadeStopsAtEachCheckAndChecksChangeNothing() {
        // 300 x 300: the middle weight (90 000 values) is filled in two stretches between checks
        CollapseConfig wide = new CollapseConfig(DatasetKind.MODULAR, Operation.ADD, 23, 0.5, List.of(300, 300), OptimizerKind.ADAMW,
                0.01, 0.9, 0.99, 1e-25, 0.2, 0, LossKind.SOFTMAX_CE, Precision.FP32, false, 2, 1, 3, 3, 40, 2000);
        int cutShort = 0;
        CollapseTrainer made = null;
        for (long k = 1; made == null; k++) {
            assertTrue(k < 100, "construction ends");
            try {
                made = new CollapseTrainer(wide, 2, Cancellation.afterChecks(k));
            } catch (CancelledException e) {
                cutShort++;
            }
        }
        // before each of the 3 weights, each 65 536 values filled (1 + 2 + 1), before each float copy of layers 1 and 2 (4)
        assertEquals(11, cutShort, "checks while the model is made");
        CollapseTrainer plain = new CollapseTrainer(wide, 2);
        for (int t = 0; t < plain.parameters().size(); t++) {
            assertArrayEquals(plain.parameters().get(t).value(), made.parameters().get(t).value(), plain.parameters().get(t).name());
        }
        made.run(Cancellation.none(), Progress.NONE, m -> { });
        plain.run(Cancellation.none(), Progress.NONE, m -> { });
        assertEquals(withoutTime(plain.history()), withoutTime(made.history()));
    }

    @Test
    void inspectingAPausedRunChangesNothingWhenItResumes() {
        CollapseConfig ortho = small(30, 10);
        ortho = new CollapseConfig(ortho.task(), ortho.operation(), ortho.modulus(), ortho.trainFraction(), ortho.hidden(),
                ortho.optimizer(), ortho.lr(), ortho.beta1(), 0.999, 1e-8, ortho.momentum(), 0, ortho.loss(), ortho.lossPrecision(),
                true, 30, 10, 3, 3, 40, 2000);
        CollapseTrainer whole = new CollapseTrainer(ortho, 2);
        whole.run(Cancellation.none(), Progress.NONE, m -> { });
        CollapseTrainer paused = new CollapseTrainer(ortho, 2);
        Cancellation cancel = new Cancellation();
        List<EpochMetrics> seen = new ArrayList<>();
        assertThrows(CancelledException.class, () -> paused.run(cancel, Progress.NONE, m -> {
            seen.add(m);
            if (m.epoch() == 10) cancel.cancel();
        }));
        List<lab.softmax.engine.nn.OrthoGradGeometry> geometry = paused.gradientGeometry();
        paused.inspect(0);
        // The geometry is of the raw gradient at the current parameters, straight from the values and gradients.
        List<lab.softmax.engine.nn.Parameter> ps = paused.parameters();
        assertEquals(ps.size(), geometry.size());
        double gw = 0, gg = 0, ww = 0;
        for (int t = 0; t < ps.size(); t++) {
            double[] w = ps.get(t).value();
            double[] g = ps.get(t).grad();
            double dot = 0, wn = 0, gn = 0;
            for (int i = 0; i < w.length; i++) {
                dot += w[i] * g[i];
                wn += w[i] * w[i];
                gn += g[i] * g[i];
            }
            assertEquals(dot, geometry.get(t).dot(), 1e-12 * Math.sqrt(wn * gn));
            assertEquals(Math.sqrt(wn), geometry.get(t).weightNorm(), 1e-12 * Math.sqrt(wn));
            gw += dot;
            gg += gn;
            ww += wn;
        }
        // raw, not projected: the training gradient still points along -theta after 10 AdamW steps
        assertTrue(-gw / Math.sqrt(gg * ww) > 0.1, "NLM cosine of the raw gradient " + (-gw / Math.sqrt(gg * ww)));
        paused.run(Cancellation.none(), Progress.NONE, seen::add);
        assertEquals(withoutTime(whole.history()), withoutTime(seen));
    }

    @Test
    void adamWithoutRegularisationFitsTheTrainingSetAndGrowsTheLogits() {
        CollapseTrainer run = new CollapseTrainer(small(150, 50), 2);
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
        CollapseTrainer run = new CollapseTrainer(collapsing(600), 2);
        run.run(Cancellation.none(), Progress.NONE, m -> { });
        int n = run.data().trainY().length;
        SampleAnatomy a = null;
        for (int i = 0; i < n && a == null; i++) {
            SampleAnatomy candidate = run.inspect(i);
            if (candidate.collapsed()) a = candidate;
        }
        assertTrue(a != null, "no training sample collapsed: the test needs a longer run; SC "
                + run.history().getLast().scFraction());
        assertTrue(a.collapsed());
        assertEquals(run.data().trainY()[a.sample()], a.target());
        assertEquals(0.0, a.loss(), 0, "softmax CE of a collapsed sample is exactly 0");
        assertEquals(0.0, a.gradient()[a.target()], 0);
        assertEquals(1.0, a.expTerms()[a.predicted()], 0);
        assertEquals(a.expTerms().length - 1, a.absorbed(), "every other term is lost against 1");
        assertTrue(a.top2Gap() > 16.64, "fp32 collapse needs a top-2 gap above 24 ln 2 (fp32's 24 significand bits)");
        // fp32 sum, maximal term first, then index order: each term rounds away against 1
        float sum = (float) a.expTerms()[a.predicted()];
        for (int j = 0; j < a.expTerms().length; j++) if (j != a.predicted()) sum += (float) a.expTerms()[j];
        assertEquals(1.0f, sum, 0f);
        assertEquals(sum, a.sumExp(), 0);
        assertThrows(IllegalArgumentException.class, () -> run.inspect(-1));
    }
}
