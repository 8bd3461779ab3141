package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoeFitTest {
    @Test
    void emPlusPolishReachesTheTruthsLikelihoodOnSeededCases() {
        GaussianMoe truth = LabModel.truth();
        for (FitCase c : new FitCase[] {FitCase.EXACT, FitCase.OVER}) {
            for (int seed = 1; seed <= 3; seed++) {
                MoeData data = truth.sample(1500, 0, 1, new SplitMix64(100 + seed));
                GaussianMoe init = ConvergenceExperiment.perturb(c.center(), 0.1, new SplitMix64(seed));
                MoeFit.Result r = MoeFit.fit(init, data, MoeFit.Settings.defaults(), Cancellation.none());
                double llTrue = truth.logLikelihood(data);
                assertTrue(r.logLikelihood() >= llTrue - 1, c + " seed " + seed + ": " + r.logLikelihood() + " vs true " + llTrue);
                // the reported log-likelihood is the model's, recomputed directly
                double direct = GaussianMoeTest.directLogLikelihood(r.model(), data);
                assertTrue(Math.abs(direct - r.logLikelihood()) < 1e-8 * Math.abs(direct));
            }
        }
    }

    @Test
    void emAloneDoesNotMoveAWrongBoundaryButThePolishDoes() {
        // E2's bias −3.3 puts the x where E2 enters the top 2 at 0.4125 instead of 0.5.
        GaussianMoe truth = LabModel.truth();
        MoeData data = truth.sample(2000, 0, 1, new SplitMix64(7));
        GaussianMoe shifted = GaussianMoe.of1d(new double[] {1, -3.3, 0}, new double[] {0, 8, 0}, new double[] {-4, 5, 2},
                new double[] {2, -1, -3}, new double[] {0.10, 0.15, 0.20}, 2);
        double llTrue = truth.logLikelihood(data);
        MoeFit.Result em = MoeFit.fit(shifted, data, MoeFit.Settings.defaults().withoutPolish(), Cancellation.none());
        assertTrue(em.logLikelihood() < llTrue - 10, "EM alone: " + em.logLikelihood() + " vs true " + llTrue);
        MoeFit.Result full = MoeFit.fit(shifted, data, MoeFit.Settings.defaults(), Cancellation.none());
        assertTrue(full.logLikelihood() >= llTrue - 1, "polished: " + full.logLikelihood() + " vs true " + llTrue);
        double boundary = -full.model().beta0(1) / full.model().beta1(1, 0);
        assertTrue(Math.abs(boundary - 0.5) < 0.03, "boundary " + boundary);
    }

    @Test
    void cancelledFitStops() {
        Cancellation c = Cancellation.none();
        c.cancel();
        MoeData data = LabModel.truth().sample(200, 0, 1, new SplitMix64(1));
        assertThrows(CancelledException.class, () -> MoeFit.fit(LabModel.truth(), data, MoeFit.Settings.defaults(), c));
    }
}
