package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.CancelledException;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * The convergence experiment: for each sample size n and repetition, draw n points from the true model (by default
 * {@link LabModel#truth()}),
 * start each fit case from its centre plus n-independent noise (N(0, σ²) on the non-reference gates and on a, b;
 * ν times e^{N(0, σ²)}), fit it ({@link MoeFit}) and measure it against the truth. Repetitions run as tasks on an
 * executor the caller gives; every task's data and noise come from its own seed, so the results are identical for any
 * number of threads. Slopes are least-squares fits of ln(median over repetitions) against ln n over n ≥ minSlopeN.
 */
public final class ConvergenceExperiment {
    private ConvergenceExperiment() { }

    /**
     * @param cases        which fits (each uses the same data)
     * @param sampleSizes  n values (each ≥ 20)
     * @param repetitions  repetitions per n
     * @param initNoise    σ of the initialisation noise (the same for every n)
     * @param seed         master seed
     * @param minSlopeN    smallest n entering the slopes
     * @param densityGrid  number of x on [0, 1] for the density error
     * @param fit          EM and polish settings
     * @param truth        the true model (d = 1, x ~ U[0, 1])
     * @param firstRepetition the first repetition's index: the run covers firstRepetition .. firstRepetition +
     *                     repetitions − 1, and every (case, n, repetition) gives the same fit in any run, so a long
     *                     experiment can be split into runs (or resumed) and their fits combined
     */
    public record Settings(List<FitCase> cases, int[] sampleSizes, int repetitions, double initNoise, long seed,
                           int minSlopeN, int densityGrid, MoeFit.Settings fit, TrueModel truth, int firstRepetition) {
        /** The experiment on the lab's true model. */
        public Settings(List<FitCase> cases, int[] sampleSizes, int repetitions, double initNoise, long seed,
                        int minSlopeN, int densityGrid, MoeFit.Settings fit) {
            this(cases, sampleSizes, repetitions, initNoise, seed, minSlopeN, densityGrid, fit, TrueModel.lab());
        }

        /** Repetitions 0 .. repetitions − 1. */
        public Settings(List<FitCase> cases, int[] sampleSizes, int repetitions, double initNoise, long seed,
                        int minSlopeN, int densityGrid, MoeFit.Settings fit, TrueModel truth) {
            this(cases, sampleSizes, repetitions, initNoise, seed, minSlopeN, densityGrid, fit, truth, 0);
        }

        public Settings {
            if (cases == null || cases.isEmpty()) throw new InputException("cases", "choose at least one");
            cases = List.copyOf(cases);
            if (sampleSizes == null || sampleSizes.length == 0) throw new InputException("sampleSizes", "need at least one n");
            sampleSizes = sampleSizes.clone();
            for (int i = 0; i < sampleSizes.length; i++) {
                if (sampleSizes[i] < 20 || sampleSizes[i] > 10_000_000) throw new InputException("sampleSizes[" + i + "]", sampleSizes[i] + " is outside 20..10000000");
            }
            if (repetitions < 1 || repetitions > 10_000) throw new InputException("repetitions", repetitions + " is outside 1..10000");
            if (firstRepetition < 0 || firstRepetition > 1_000_000) throw new InputException("firstRepetition", firstRepetition + " is outside 0..1000000");
            if (!(initNoise >= 0) || initNoise > 10) throw new InputException("initNoise", initNoise + " is outside 0..10");
            if (densityGrid < 1 || densityGrid > 10_000) throw new InputException("densityGrid", densityGrid + " is outside 1..10000");
            if (fit == null) throw new InputException("fit", "missing");
            if (truth == null) throw new InputException("truth", "missing");
            for (FitCase c : cases) c.center(truth);
        }

        @Override public int[] sampleSizes() { return sampleSizes.clone(); }

        /** The full experiment: n = 10³, 3·10³, 10⁴, 3·10⁴, 10⁵; 20 repetitions; every case; σ = 0.1. */
        public static Settings full(long seed) {
            return new Settings(List.of(FitCase.values()), new int[] {1000, 3000, 10_000, 30_000, 100_000}, 20, 0.1,
                    seed, 1000, 64, MoeFit.Settings.defaults());
        }
    }

    /** Median of every metric over the repetitions at one n. */
    public record Medians(int n, Map<FitRecord.Metric, Double> values) {
        public Medians { values = Map.copyOf(values); }
    }

    /** One fit case's medians per n and slopes per metric. */
    public record CaseSummary(FitCase fitCase, List<Medians> medians, Map<FitRecord.Metric, Double> slopes,
                              int fitsBelowTruth) {
        public CaseSummary {
            medians = List.copyOf(medians);
            slopes = Map.copyOf(slopes);
        }

        public double slope(FitRecord.Metric m) { return slopes.get(m); }
    }

    /** Every fit (ordered by case, n, repetition) and the per-case summaries. */
    public record Result(List<FitRecord> fits, List<CaseSummary> cases) {
        public Result {
            fits = List.copyOf(fits);
            cases = List.copyOf(cases);
        }

        public CaseSummary summary(FitCase c) {
            for (CaseSummary s : cases) {
                if (s.fitCase() == c) return s;
            }
            throw new IllegalArgumentException("case " + c + " was not run");
        }
    }

    /**
     * Runs every (n, repetition, case) as one task on the executor, repetition by repetition (all n of repetition 0
     * first, smallest n first), so that a live chart fills every n early and its medians sharpen as it runs. onFit receives each finished fit
     * as it completes (on the worker thread, in completion order); progress is reported from the workers too.
     *
     * @throws CancelledException when cancelled (fits still running finish first; their results are discarded)
     */
    public static Result run(Settings s, ExecutorService executor, Progress progress, Cancellation cancel,
                             Consumer<FitRecord> onFit) {
        int[] ns = s.sampleSizes();
        Arrays.sort(ns);
        List<Future<FitRecord>> futures = new ArrayList<>();
        int total = ns.length * s.repetitions() * s.cases().size();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean abort = new AtomicBoolean();
        for (int rep = s.firstRepetition(); rep < s.firstRepetition() + s.repetitions(); rep++) {
            for (int n : ns) {
                for (FitCase c : s.cases()) {
                    int nn = n;
                    int rr = rep;
                    futures.add(executor.submit(() -> {
                        if (abort.get()) throw new CancelledException();
                        cancel.throwIfCancelled();
                        FitRecord r = fitOne(s, c, nn, rr, cancel);
                        if (abort.get()) throw new CancelledException();
                        onFit.accept(r);
                        int k = done.incrementAndGet();
                        progress.report((double) k / total, "fit " + k + "/" + total + " (" + c.id() + ", n=" + nn + ", rep " + rr + ")");
                        return r;
                    }));
                }
            }
        }
        List<FitRecord> fits = new ArrayList<>(total);
        RuntimeException failure = null;
        for (Future<FitRecord> f : futures) {
            if (failure != null) {
                f.cancel(false);
                continue;
            }
            try {
                fits.add(f.get());
            } catch (ExecutionException e) {
                abort.set(true);
                Throwable cause = e.getCause();
                failure = cause instanceof RuntimeException re ? re : new IllegalStateException("fit failed: " + cause, cause);
            } catch (InterruptedException e) {
                abort.set(true);
                Thread.currentThread().interrupt();
                failure = new CancelledException();
            } catch (CancellationException e) {
                abort.set(true);
                failure = new CancelledException();
            }
        }
        if (failure != null) {
            for (Future<FitRecord> f : futures) {
                if (!f.isDone()) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (ExecutionException | CancellationException ignored) {
                        // already failing; the first failure is reported
                    }
                }
            }
            throw failure;
        }
        fits.sort(Comparator.comparing(FitRecord::fitCase).thenComparingInt(FitRecord::n).thenComparingInt(FitRecord::rep));
        List<CaseSummary> summaries = new ArrayList<>();
        for (FitCase c : s.cases()) summaries.add(summarise(c, fits, ns, s.minSlopeN()));
        return new Result(fits, summaries);
    }

    /** The seed of the data of (n, rep): the same for every fit case, so the cases are compared on the same samples. */
    static long dataSeed(long seed, int n, int rep) {
        return new SplitMix64(seed ^ (0x9E3779B97F4A7C15L * n) ^ (0xC2B2AE3D27D4EB4FL * (rep + 1))).nextLong();
    }

    /** One fit: data, noisy start, fit, measurements. Deterministic in (settings, case, n, rep). */
    public static FitRecord fitOne(Settings s, FitCase c, int n, int rep, Cancellation cancel) {
        GaussianMoe truth = s.truth().model();
        MoeData data = truth.sample(n, 0, 1, new SplitMix64(dataSeed(s.seed(), n, rep)));
        SplitMix64 noise = new SplitMix64(dataSeed(s.seed() ^ (0x5851F42D4C957F2DL * (c.ordinal() + 1)), n, rep));
        GaussianMoe init = perturb(c.center(s.truth()), s.initNoise(), noise);
        MoeFit.Result fit = MoeFit.fit(init, data, s.fit(), cancel);
        GaussianMoe m = fit.model();
        VoronoiLoss.CellErrors ce = VoronoiLoss.largestCell(m, truth);
        double density = DensityError.meanHellinger(m, truth, DensityError.unitGrid(s.densityGrid()));
        return new FitRecord(c, n, rep, fit.logLikelihood(), truth.logLikelihood(data), VoronoiLoss.d1(m, truth),
                VoronoiLoss.d2(m, truth), density, ce.atoms(), ce.beta1(), ce.a(), ce.b(), ce.nu(), ce.mass(),
                ce.singleton(), fit.emIterations(), fit.polishEvaluations());
    }

    /** centre plus N(0, σ²) on the gates of experts 0..k−2 and on a, b; ν·e^{N(0, σ²)}. The reference stays at 0. */
    public static GaussianMoe perturb(GaussianMoe centre, double sigma, SplitMix64 rng) {
        int k = centre.experts();
        int d = centre.dimension();
        double[] b0 = centre.beta0();
        double[][] b1 = centre.beta1();
        double[][] a = centre.a();
        double[] b = centre.b();
        double[] nu = centre.nu();
        for (int i = 0; i < k; i++) {
            if (i < k - 1) {
                b0[i] += sigma * rng.nextGaussian();
                for (int j = 0; j < d; j++) b1[i][j] += sigma * rng.nextGaussian();
            }
            for (int j = 0; j < d; j++) a[i][j] += sigma * rng.nextGaussian();
            b[i] += sigma * rng.nextGaussian();
            nu[i] *= Math.exp(sigma * rng.nextGaussian());
        }
        return new GaussianMoe(b0, b1, a, b, nu, centre.topK());
    }

    static CaseSummary summarise(FitCase c, List<FitRecord> fits, int[] ns, int minSlopeN) {
        List<Medians> medians = new ArrayList<>();
        int below = 0;
        for (FitRecord r : fits) {
            if (r.fitCase() == c && r.loglik() < r.loglikTrue() - 1) below++;
        }
        for (int n : ns) {
            Map<FitRecord.Metric, Double> v = new EnumMap<>(FitRecord.Metric.class);
            for (FitRecord.Metric m : FitRecord.Metric.values()) {
                double[] xs = fits.stream().filter(r -> r.fitCase() == c && r.n() == n).mapToDouble(m::of).toArray();
                v.put(m, median(xs));
            }
            medians.add(new Medians(n, v));
        }
        Map<FitRecord.Metric, Double> slopes = new EnumMap<>(FitRecord.Metric.class);
        for (FitRecord.Metric m : FitRecord.Metric.values()) {
            List<double[]> pts = new ArrayList<>();
            for (Medians md : medians) {
                double y = md.values().get(m);
                if (md.n() >= minSlopeN && y > 0 && Double.isFinite(y)) pts.add(new double[] {Math.log(md.n()), Math.log(y)});
            }
            slopes.put(m, slope(pts));
        }
        return new CaseSummary(c, medians, slopes, below);
    }

    /** Median (mean of the middle two for an even count); NaN for none. */
    public static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    /** Least-squares slope of (x, y) points; NaN for fewer than two distinct x. */
    public static double slope(List<double[]> pts) {
        if (pts.size() < 2) return Double.NaN;
        double mx = 0, my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= pts.size();
        my /= pts.size();
        double sxy = 0, sxx = 0;
        for (double[] p : pts) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
