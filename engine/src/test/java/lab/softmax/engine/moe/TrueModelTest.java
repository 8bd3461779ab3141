package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

class TrueModelTest {
    private static TrueModel read(String json) {
        return TrueModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json");
    }

    private static void assertSameModel(GaussianMoe want, GaussianMoe got) {
        assertArrayEquals(want.beta0(), got.beta0(), 1e-15);
        for (int i = 0; i < want.experts(); i++) {
            assertArrayEquals(want.beta1()[i], got.beta1()[i], 1e-15);
            assertArrayEquals(want.a()[i], got.a()[i], 1e-15);
        }
        assertArrayEquals(want.b(), got.b(), 1e-15);
        assertArrayEquals(want.nu(), got.nu(), 1e-15);
        assertEquals(want.topK(), got.topK());
    }

    @Test
    void theLabModelSplitsE1AsTheLabDoes() {
        TrueModel lab = TrueModel.lab();
        assertEquals(0, lab.splitExpert());
        for (int k : new int[] {2, 3}) assertSameModel(LabModel.split(k), lab.split(k));
        assertSameModel(LabModel.split(3), FitCase.OVER.center());
        assertSameModel(LabModel.truth().withTopK(1), FitCase.K_BELOW_TRUTH.center(lab));
    }

    @Test
    void thePaperModelSplitsTheExpertOfTheWiderRegion() {
        TrueModel paper = TrueModel.paper();
        // −8 + 25x > 0 for x > 0.32: expert 0 is the top-1 expert on 68 % of [0, 1]
        assertEquals(0, paper.splitExpert());
        GaussianMoe over = FitCase.OVER.center(paper);
        assertEquals(3, over.experts());
        assertEquals(2, over.topK());
        assertArrayEquals(new double[] {-8 - Math.log(2), -8 - Math.log(2), 0}, over.beta0(), 1e-15);
        assertEquals(3, FitCase.K_TOO_SMALL.experts(paper));
        assertEquals(1, FitCase.K_TOO_SMALL.topK(paper));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitCase.K_BELOW_TRUTH.center(paper));
        assertTrue(e.getMessage().contains("k-below-truth"), e.getMessage());
    }

    @Test
    void aFileIsShiftedSoThatTheLastExpertIsTheReferenceWhichKeepsItsDensity() {
        // the lab model with every gate shifted by (0.5, 2): the same density
        TrueModel t = read("{\"gates\":{\"weights\":[[2],[10],[2]],\"biases\":[1.5,-3.5,0.5]},"
                + "\"experts\":{\"a\":[[-4],[5],[2]],\"b\":[2,-1,-3],\"nu\":[0.1,0.15,0.2]},\"top_k\":2}");
        assertSameModel(LabModel.truth(), t.model());
        GaussianMoe shifted = GaussianMoe.of1d(new double[] {1.5, -3.5, 0.5}, new double[] {2, 10, 2}, new double[] {-4, 5, 2},
                new double[] {2, -1, -3}, new double[] {0.1, 0.15, 0.2}, 2);
        MoeData data = LabModel.truth().sample(500, 0, 1, new SplitMix64(1));
        assertEquals(shifted.logLikelihood(data), t.model().logLikelihood(data), 1e-9);
    }

    @Test
    void badFilesNameTheField() {
        String ok = "\"experts\":{\"a\":[[1],[2]],\"b\":[0,1],\"nu\":[1,1]},\"top_k\":1";
        String[][] cases = {
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]},\"experts\":{\"a\":[[1],[2]],\"b\":[0,1],\"nu\":[1,0]},\"top_k\":1}", "experts.nu[1]"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,\"NaN\"]}," + ok + "}", "gates.biases[1]"},
            {"{\"gates\":{\"weights\":[[1,2],[0,0]],\"biases\":[0,0]}," + ok + "}", "gates.weights[0]"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]},\"experts\":{\"a\":[[1],[2]],\"b\":[0,1],\"nu\":[1,1]},\"top_k\":3}", "top_k"},
            // numbers the experiment cannot perturb and fit (found by the fuzzer: they were bugs, exit 1)
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]},\"experts\":{\"a\":[[1],[2]],\"b\":[0,1],\"nu\":[1,1.7976931348623157e308]},\"top_k\":1}", "experts.nu[1]"},
            {"{\"gates\":{\"weights\":[[1],[2e6]],\"biases\":[0,0]}," + ok + "}", "gates.weights[1][0]"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[-1e7,0]}," + ok + "}", "gates.biases[0]"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]},\"experts\":{\"a\":[[1],[2]],\"b\":[0,1],\"nu\":[1,1]},\"top_k\":111111111111111111111}", "top_k"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]},\"experts\":{\"a\":[[1],[2]],\"b\":[0],\"nu\":[1,1]},\"top_k\":1}", "experts.b"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]},\"top_k\":1}", "experts"},
            {"{\"gates\":{\"weights\":[[1],[0]],\"biases\":[0,0]}," + ok + ",\"extra\":1}", "extra"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> read(c[0]), c[0]);
            assertEquals(c[1], e.field(), e.getMessage());
            assertEquals("t.json", e.source());
        }
        InputException e = assertThrows(InputException.class, () -> TrueModel.parse("no-such-preset-or-file"));
        assertTrue(e.getMessage().contains("lab, paper"), e.getMessage());
    }
}
