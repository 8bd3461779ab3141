package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.softmax.engine.ghosts.training.Choices.Controller;
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
            if (r.lr() * (r.stepNorm() / r.lrEffective()) > r.rhoA()) assertEquals(1.0, r.r(), 1e-12);
        }
        assertEquals(1.0, rho.get(20).r(), 1e-12);
        List<StepRecord> plain = StepSafetyRun.run(spike(Controller.NONE), BLOBS, r -> { }, Progress.NONE, Cancellation.none());
        assertTrue(plain.get(20).r() > 10, "the spiked plain step is far outside the radius: r = " + plain.get(20).r());
        assertTrue(plain.get(5).r() < 1);
        assertEquals(rho.get(5), plain.get(5), "before the spike both runs are the same run");
    }

    /**
     * ρ_a checked independently of the JVP: replay the run's parameters, rebuild the step direction from
     * θ_t − θ_{t+1}, and take the logit slopes of every training sample by central differences
     * (z(θ+εd) − z(θ−εd))/2ε; π / max spread must match the reported ρ_a.
     */
    @Test
    void rhoAMatchesFiniteDifferencesOfTheLogitsAlongTheStep() {
        StepSafetyConfig cfg = new StepSafetyConfig(Choices.DatasetKind.BLOBS, Choices.ModelKind.MLP,
                Choices.OptimizerKind.ADAM, 1e-2, 1, 0, 0, Controller.NONE, 1, 3, 2, 64);
        Dataset train = BLOBS.train();
        List<double[]> thetas = new java.util.ArrayList<>();
        StepSafetyModel probe = StepSafetyData.model(cfg.model(), cfg.dataset(), train.features(), train.classes());
        List<StepRecord> records = StepSafetyRun.run(cfg, BLOBS, rec -> { }, Progress.NONE, Cancellation.none(), thetas::add);
        assertEquals(cfg.steps() + 1, thetas.size());
        for (int t = 0; t < cfg.steps(); t++) {
            double[] before = thetas.get(t);
            double[] after = thetas.get(t + 1);
            int n = before.length;
            double[] dir = new double[n];
            double len = 0;
            for (int i = 0; i < n; i++) {
                dir[i] = before[i] - after[i];
                len += dir[i] * dir[i];
            }
            len = Math.sqrt(len);
            assertEquals(records.get(t).stepNorm(), len, 1e-9 * len);
            double eps = 1e-6;
            double[] plus = new double[n];
            double[] minus = new double[n];
            for (int i = 0; i < n; i++) {
                plus[i] = before[i] + eps * dir[i] / len;
                minus[i] = before[i] - eps * dir[i] / len;
            }
            double maxSpread = 0;
            for (int s = 0; s < train.size(); s++) {
                double[] zp = probe.logits(plus, train.x()[s]);
                double[] zm = probe.logits(minus, train.x()[s]);
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < zp.length; c++) {
                    double slope = (zp[c] - zm[c]) / (2 * eps);
                    lo = Math.min(lo, slope);
                    hi = Math.max(hi, slope);
                }
                maxSpread = Math.max(maxSpread, hi - lo);
            }
            assertEquals(Math.PI / maxSpread, records.get(t).rhoA(), 1e-5 * records.get(t).rhoA(), "step " + t);
            assertEquals(len / (Math.PI / maxSpread), records.get(t).r(), 1e-5 * records.get(t).r(), "step " + t);
        }
    }

    /** batch size 0: each step's gradient is over the whole training split (one SGD step checked by hand). */
    @Test
    void fullBatchStepsUseEveryTrainingRow() {
        StepSafetyConfig cfg = new StepSafetyConfig(Choices.DatasetKind.BLOBS, Choices.ModelKind.LINEAR,
                Choices.OptimizerKind.SGD, 0.5, 1, 0, 0, Controller.NONE, 1, 1, 3, StepSafetyConfig.FULL_BATCH);
        Dataset train = BLOBS.train();
        List<double[]> thetas = new java.util.ArrayList<>();
        List<StepRecord> records = StepSafetyRun.run(cfg, BLOBS, rec -> { }, Progress.NONE, Cancellation.none(), thetas::add);
        double[] theta = thetas.get(0);
        double[] grad = new double[theta.length];
        double[] direct = new double[theta.length];
        // the mean gradient over all 1600 rows, summed here sample by sample
        StepSafetyModel net = StepSafetyData.model(cfg.model(), cfg.dataset(), train.features(), train.classes());
        for (int i = 0; i < train.size(); i++) {
            net.lossAndGradient(theta, train, new int[] {i}, direct);
            for (int j = 0; j < grad.length; j++) grad[j] += direct[j] / train.size();
        }
        for (int j = 0; j < theta.length; j++) assertEquals(theta[j] - 0.5 * grad[j], thetas.get(1)[j], 1e-14, "parameter " + j);
        assertEquals(Math.sqrt(java.util.Arrays.stream(grad).map(g -> g * g).sum()), records.get(0).gradNorm(), 1e-12);
    }

    @Test
    void aDivergedRunReportsNaNNotASafeStep() {
        StepSafetyConfig cfg = new StepSafetyConfig(Choices.DatasetKind.BLOBS, Choices.ModelKind.MLP,
                Choices.OptimizerKind.SGD, 1e150, 1, 0, 0, Controller.NONE, 1, 8, 0, 64);
        List<StepRecord> records = StepSafetyRun.run(cfg, BLOBS, rec -> { }, Progress.NONE, Cancellation.none());
        int firstNaN = -1;
        for (StepRecord r : records) {
            if (Double.isNaN(r.trainLoss())) {
                firstNaN = r.step();
                break;
            }
        }
        assertTrue(firstNaN >= 0 && firstNaN < records.size() - 1, "the run must diverge to a NaN loss early: " + records);
        for (StepRecord r : records.subList(firstNaN + 1, records.size())) {
            assertTrue(Double.isNaN(r.r()), "step " + r.step() + " after divergence: r = " + r.r());
            assertTrue(Double.isNaN(r.rhoA()), "step " + r.step() + " after divergence: rho_a = " + r.rhoA());
        }
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
