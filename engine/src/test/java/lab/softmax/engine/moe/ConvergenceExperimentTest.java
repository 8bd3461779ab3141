package lab.softmax.engine.moe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Progress;
import org.junit.jupiter.api.Test;

class ConvergenceExperimentTest {
    static ConvergenceExperiment.Settings small() {
        return new ConvergenceExperiment.Settings(List.of(FitCase.EXACT, FitCase.OVER), new int[] {400, 200}, 2, 0.1, 5, 100,
                16, MoeFit.Settings.defaults().withRestarts(1));
    }

    @Test
    void aRunFromALaterRepetitionGivesThoseRepetitionsFitsOfALongerRun() {
        ConvergenceExperiment.Settings all = small();
        ConvergenceExperiment.Settings second = new ConvergenceExperiment.Settings(all.cases(), all.sampleSizes(), 1,
                all.initNoise(), all.seed(), all.minSlopeN(), all.densityGrid(), all.fit(), all.truth(), 1);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            List<FitRecord> a = ConvergenceExperiment.run(all, one, Progress.NONE, Cancellation.none(), r -> { }).fits();
            List<FitRecord> b = ConvergenceExperiment.run(second, one, Progress.NONE, Cancellation.none(), r -> { }).fits();
            assertEquals(4, b.size());
            assertEquals(a.stream().filter(r -> r.rep() == 1).toList(), b);
        } finally {
            one.shutdown();
        }
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceExperiment.Settings(all.cases(), all.sampleSizes(), 1,
                all.initNoise(), all.seed(), all.minSlopeN(), all.densityGrid(), all.fit(), all.truth(), -1));
    }

    @Test
    void structureStreamingAndIdenticalResultsForAnyThreadCount() throws Exception {
        ConcurrentLinkedQueue<FitRecord> streamed = new ConcurrentLinkedQueue<>();
        AtomicInteger reports = new AtomicInteger();
        ExecutorService one = Executors.newSingleThreadExecutor();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            ConvergenceExperiment.Result a = ConvergenceExperiment.run(small(), one, (f, m) -> reports.incrementAndGet(),
                    Cancellation.none(), streamed::add);
            ConvergenceExperiment.Result b = ConvergenceExperiment.run(small(), two, Progress.NONE, Cancellation.none(), r -> { });
            assertEquals(8, a.fits().size());
            assertEquals(8, streamed.size());
            assertEquals(8, reports.get());
            assertEquals(a.fits(), b.fits());
            // ordered by case, n, rep
            FitRecord first = a.fits().get(0);
            assertEquals(FitCase.EXACT, first.fitCase());
            assertEquals(200, first.n());
            assertEquals(0, first.rep());
            int below = 0;
            for (FitRecord r : a.fits()) {
                assertTrue(r.d1() > 0 && r.d2() > 0 && r.density() > 0);
                assertTrue(r.d2() >= r.d1() || r.cellAtoms() > 1, "D2 = D1 when every cell is a singleton");
                if (r.fitCase() == FitCase.OVER && r.loglik() < r.loglikTrue() - 1) below++;
            }
            ConvergenceExperiment.CaseSummary over = a.summary(FitCase.OVER);
            assertEquals(below, over.fitsBelowTruth());
            assertEquals(2, over.medians().size());
            assertEquals(400, over.medians().get(1).n());
            double m200 = ConvergenceExperiment.median(a.fits().stream().filter(r -> r.fitCase() == FitCase.OVER && r.n() == 200)
                    .mapToDouble(FitRecord::d2).toArray());
            assertEquals(m200, over.medians().get(0).values().get(FitRecord.Metric.D2));
            double expect = Math.log(over.medians().get(1).values().get(FitRecord.Metric.D2) / m200) / Math.log(2);
            assertEquals(expect, over.slope(FitRecord.Metric.D2), 1e-12);
            // the same data for every case: the truth's log-likelihood agrees per (n, rep)
            assertEquals(a.fits().get(0).loglikTrue(), a.fits().get(4).loglikTrue());
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }

    @Test
    void cancellationStopsTheRun() {
        Cancellation c = Cancellation.none();
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger got = new AtomicInteger();
            assertThrows(CancelledException.class, () -> ConvergenceExperiment.run(small(), ex, Progress.NONE, c, r -> {
                if (got.incrementAndGet() == 1) c.cancel();
            }));
            assertTrue(got.get() < 8);
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void medianAndSlopeOnKnownNumbers() {
        assertEquals(2.5, ConvergenceExperiment.median(new double[] {4, 1, 2, 3}));
        assertEquals(3, ConvergenceExperiment.median(new double[] {5, 3, 1}));
        List<double[]> pts = List.of(new double[] {Math.log(1000), Math.log(1000) * -0.5 + 1},
                new double[] {Math.log(10_000), Math.log(10_000) * -0.5 + 1}, new double[] {Math.log(100_000), Math.log(100_000) * -0.5 + 1});
        assertEquals(-0.5, ConvergenceExperiment.slope(pts), 1e-12);
    }
}
