package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

/** Which fit cases can represent the truth, checked with the independent direct log-likelihood. */
class LabModelTest {
    @Test
    void kFourTopTwoContainsTheTruthButTheSplitStartDoesNot() {
        MoeData data = LabModel.truth().sample(2000, 0, 1, new SplitMix64(5));
        double llTrue = GaussianMoeTest.directLogLikelihood(LabModel.truth(), data);
        // k = 4, K = 2 with an idle expert: the same density as the truth
        assertEquals(llTrue, GaussianMoeTest.directLogLikelihood(LabModel.withIdleExpert(2), data), 1e-9 * Math.abs(llTrue));
        // the split truth with K = 3 (over-specified case): the same density
        assertEquals(llTrue, GaussianMoeTest.directLogLikelihood(LabModel.split(3), data), 1e-9 * Math.abs(llTrue));
        // the split truth with K = 2 (the k-too-small start): wrong, E3 is crowded out for x < 1/2
        assertTrue(GaussianMoeTest.directLogLikelihood(LabModel.split(2), data) < llTrue - 100);
        // K = 1 (k-below-truth): the truth's K = 2 mixture is not representable; its best K = 1 member is far below
        assertTrue(GaussianMoeTest.directLogLikelihood(LabModel.truth().withTopK(1), data) < llTrue - 100);
    }
}
