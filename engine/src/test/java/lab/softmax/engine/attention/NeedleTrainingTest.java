package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * The needle task's acceptance (docs/labs/attention.md): trained on n ≤ 256, evaluated up to 4096.
 * Full size: 1500 steps, 512 examples per length (about 12 s for both models on one core).
 */
class NeedleTrainingTest {
    @Test
    void ssaStaysSharpWhereVanillaDilutesWithASmallerWeightNorm() {
        List<NeedleResult> r = NeedleTrainer.trainBoth(NeedlePreset.DEFAULT.config(1), Progress.NONE, Cancellation.none(),
                NeedleListener.NONE);
        NeedleResult vanilla = r.get(0);
        NeedleResult ssa = r.get(1);
        assertEquals(NeedleMode.VANILLA, vanilla.mode());
        NeedleEval v4096 = vanilla.at(4096);
        NeedleEval s4096 = ssa.at(4096);
        assertTrue(v4096.needleWeight() < 0.25, "vanilla needle weight at 4096: " + v4096.needleWeight());
        assertTrue(s4096.needleWeight() >= 0.9, "SSA needle weight at 4096: " + s4096.needleWeight());
        assertTrue(s4096.valueAccuracy() >= 0.95, "SSA value accuracy at 4096: " + s4096.valueAccuracy());
        assertTrue(ssa.learned().wFrobenius() < vanilla.learned().wFrobenius(),
                "‖W‖_F SSA " + ssa.learned().wFrobenius() + " vs vanilla " + vanilla.learned().wFrobenius());
        assertTrue(ssa.learned().s() > 0.1, "learned slope s = " + ssa.learned().s() + " grew from 0.011");
        // Vanilla dilutes steadily: needle weight falls and H/ln n rises with n.
        for (int i = 1; i < vanilla.eval().size(); i++) {
            assertTrue(vanilla.eval().get(i).needleWeight() < vanilla.eval().get(i - 1).needleWeight());
            assertTrue(vanilla.eval().get(i).entropyOverLogN() > vanilla.eval().get(i - 1).entropyOverLogN());
        }
    }

    @Test
    void negativeControlShowsNoSsaAdvantage() {
        List<NeedleResult> r = NeedleTrainer.trainBoth(NeedlePreset.NEGATIVE_CONTROL.config(1), Progress.NONE,
                Cancellation.none(), NeedleListener.NONE);
        for (int i = 0; i < r.get(0).eval().size(); i++) {
            NeedleEval v = r.get(0).eval().get(i);
            NeedleEval s = r.get(1).eval().get(i);
            assertTrue(Math.abs(s.needleWeight() - v.needleWeight()) < 0.05, "n=" + v.n() + ": SSA " + s.needleWeight()
                    + " vs vanilla " + v.needleWeight());
            assertTrue(Math.abs(s.valueAccuracy() - v.valueAccuracy()) < 0.05, "n=" + v.n());
        }
        assertTrue(r.get(0).at(4096).needleWeight() < 0.75, "statistical dilution at 4096 for vanilla too");
    }

    private static NeedleConfig small() {
        return NeedlePreset.QUICK.config(42).withSteps(40).withEval(new int[] {8, 300}, 32).withEvalEvery(20, 8);
    }

    @Test
    void seededRunsAreBitForBitReproducibleAloneOrInLockstep() throws Exception {
        List<NeedleStep> steps = new ArrayList<>();
        List<String> evals = new ArrayList<>();
        NeedleListener listener = new NeedleListener() {
            @Override
            public void onStep(NeedleStep step) { steps.add(step); }

            @Override
            public void onEval(NeedleMode mode, int step, List<NeedleEval> e) { evals.add(mode + "@" + step); }
        };
        List<Double> fractions = new ArrayList<>();
        List<NeedleResult> both = NeedleTrainer.trainBoth(small(), (f, m) -> fractions.add(f), Cancellation.none(), listener);
        NeedleResult ssaAlone = NeedleTrainer.train(small(), NeedleMode.SSA, Progress.NONE, Cancellation.none(), NeedleListener.NONE);
        NeedleResult ssaAgain = NeedleTrainer.train(small(), NeedleMode.SSA, Progress.NONE, Cancellation.none(), NeedleListener.NONE);
        String a = Json.mapper().writeValueAsString(both.get(1));
        assertEquals(a, Json.mapper().writeValueAsString(ssaAlone));
        assertEquals(a, Json.mapper().writeValueAsString(ssaAgain));
        assertEquals(80, steps.size());
        assertEquals(List.of("vanilla@20", "ssa@20", "vanilla@40", "ssa@40"), evals);
        assertEquals(1.0, fractions.get(fractions.size() - 1), 0.0);
        String other = Json.mapper().writeValueAsString(
                NeedleTrainer.train(small().withSeed(43), NeedleMode.SSA, Progress.NONE, Cancellation.none(), NeedleListener.NONE));
        assertTrue(!a.equals(other), "another seed gives another run");
        assertTrue(a.startsWith("{\"mode\":\"ssa\",\"learned\":{\"beta\":"), a);
        assertTrue(a.contains("\"eval\":[{\"n\":8,\"needle_weight\":"), a);
    }

    @Test
    void cancellationStopsTraining() {
        Cancellation c = new Cancellation();
        assertThrows(CancelledException.class, () -> NeedleTrainer.trainBoth(small(), Progress.NONE, c, step -> {
            if (step.step() == 3) c.cancel();
        }));
    }

    @Test
    void valueTemperatureShrinksBetweenBayesAndVanilla() {
        ValueDenoising.Result r = ValueDenoising.run(ValueDenoising.Config.defaults(1), Progress.NONE, Cancellation.none());
        assertTrue(r.bayesMse() < r.valueSelectiveMse(), "Bayes " + r.bayesMse() + " vs value-selective " + r.valueSelectiveMse());
        assertTrue(r.valueSelectiveMse() < r.vanillaMse(), "value-selective " + r.valueSelectiveMse() + " vs vanilla " + r.vanillaMse());
        assertTrue(r.vanillaMse() < r.naiveMeanMse(), "vanilla " + r.vanillaMse() + " vs naive mean " + r.naiveMeanMse());
    }
}
