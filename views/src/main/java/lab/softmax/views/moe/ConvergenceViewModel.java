package lab.softmax.views.moe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import lab.softmax.engine.moe.ConvergenceExperiment;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord;
import lab.softmax.engine.moe.MoeFit;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.RunStatus;
import lab.softmax.views.common.RunningTask;
import lab.softmax.views.common.ThrottledUpdater;

/**
 * The Convergence tab: {@link ConvergenceExperiment#run} off the FX thread on its own pool of {@link #threadsProperty()}
 * threads, with progress and cancel. Each finished fit arrives on a worker and is applied in batches (≤ 10 a second), so the
 * medians, quartile bands and slopes fill in while the experiment runs; the results are identical for any thread count.
 */
public final class ConvergenceViewModel {
    /** Smallest n entering the slopes (the engine's and the doc's). */
    static final int SLOPE_FROM = 1000;

    private final BackgroundTasks tasks;
    private final ObjectProperty<List<FitCase>> cases = new SimpleObjectProperty<>(this, "cases", List.of(FitCase.EXACT));
    private final ObjectProperty<int[]> sampleSizes = new SimpleObjectProperty<>(this, "sampleSizes", new int[] {1000});
    private final IntegerProperty repetitions = new SimpleIntegerProperty(this, "repetitions", 5);
    private final DoubleProperty initNoise = new SimpleDoubleProperty(this, "initNoise", 0.1);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final RunStatus runStatus = new RunStatus(this);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final List<FitRecord> fits = new ArrayList<>();
    private List<FitCase> runCases = List.of();
    private int[] runSizes = new int[0];
    private int generation;
    private long startNanos;
    private RunningTask<ConvergenceExperiment.Result> running;

    /** What the state keeps of this tab. */
    public record Settings(List<FitCase> cases, int[] sampleSizes, int repetitions, double initNoise, long seed) { }

    /** Median and quartiles of one metric over the repetitions finished at one n. */
    public record Point(int n, double median, double q1, double q3, int count) { }

    ConvergenceViewModel(BackgroundTasks tasks) { this.tasks = tasks; }

    public ObjectProperty<List<FitCase>> casesProperty() { return cases; }
    public ObjectProperty<int[]> sampleSizesProperty() { return sampleSizes; }
    public IntegerProperty repetitionsProperty() { return repetitions; }
    public DoubleProperty initNoiseProperty() { return initNoise; }
    public LongProperty seedProperty() { return seed; }
    /** Worker threads of a run (not part of the scenario: the results do not depend on it). */
    public IntegerProperty threadsProperty() { return threads; }
    public ReadOnlyBooleanProperty busyProperty() { return runStatus.busyProperty(); }
    /** "fit 12/45 (…)", "done: …", "cancelled …" or why it did not start. */
    public ReadOnlyStringProperty statusProperty() { return runStatus.statusProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return runStatus.progressProperty(); }
    /** Increments whenever fits arrive or a run starts or ends: the charts redraw on it. */
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    Settings settings() {
        return new Settings(cases.get(), sampleSizes.get().clone(), repetitions.get(), initNoise.get(), seed.get());
    }

    void load(MoeState s) {
        cancel();
        cases.set(s.cases());
        sampleSizes.set(s.sampleSizes());
        repetitions.set(s.repetitions());
        initNoise.set(s.initNoise());
        seed.set(s.seed());
        fits.clear();
        runCases = List.of();
        runStatus.status("");
        revision.set(revision.get() + 1);
    }

    /** The finished fits of the shown run, in arrival order. */
    public List<FitRecord> fits() { return List.copyOf(fits); }

    /** The cases of the shown run (empty before the first). */
    public List<FitCase> runCases() { return runCases; }

    /** The experiment's settings, or throws IllegalArgumentException naming the bad field. */
    ConvergenceExperiment.Settings experiment() {
        return new ConvergenceExperiment.Settings(cases.get(), sampleSizes.get(), repetitions.get(), initNoise.get(),
                seed.get(), SLOPE_FROM, 64, MoeFit.Settings.defaults());
    }

    /** Runs the experiment (cancelling a running one). */
    public void run() {
        cancel();
        ConvergenceExperiment.Settings s;
        try {
            s = experiment();
        } catch (IllegalArgumentException e) {
            runStatus.status("not started: " + e.getMessage());
            return;
        }
        int nThreads = threads.get();
        if (nThreads < 1 || nThreads > 256) {
            runStatus.status("not started: threads " + nThreads + " is outside 1 … 256");
            return;
        }
        int gen = ++generation;
        fits.clear();
        runCases = s.cases();
        runSizes = s.sampleSizes();
        Arrays.sort(runSizes);
        runStatus.start("starting");
        startNanos = System.nanoTime();
        revision.set(revision.get() + 1);
        ThrottledUpdater<FitRecord> updater = new ThrottledUpdater<>(ThrottledUpdater.CHART_PERIOD_MILLIS, tasks.uiExecutor(), batch -> apply(gen, batch));
        int total = s.cases().size() * s.sampleSizes().length * s.repetitions();
        running = tasks.run("MoE convergence (" + total + " fits, " + nThreads + " threads)", ctx -> {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
                Thread t = new Thread(r, "moe-fit-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                return ConvergenceExperiment.run(s, pool, ctx.progress(), ctx.cancellation(), updater::offer);
            } finally {
                pool.shutdownNow();
            }
        }, r -> {
            updater.flush();
            if (gen != generation) return;
            fits.clear();
            fits.addAll(r.fits());
            finish(gen, String.format(java.util.Locale.ROOT, "done: %d fits in %.0f s on %d threads", r.fits().size(),
                    (System.nanoTime() - startNanos) / 1e9, nThreads));
        }, failure -> {
            updater.flush();
            finish(gen, "failed: " + failure.getMessage());
        }, () -> {
            updater.flush();
            finish(gen, "cancelled after " + fits.size() + " fits (the charts keep them)");
        });
        if (runStatus.busy()) runStatus.follow(running);
        if (runStatus.busy()) running.messageProperty().addListener((o, a, b) -> { if (gen == generation && runStatus.busy() && b != null) runStatus.status(b); });
    }

    public void cancel() {
        if (running != null) running.cancel();
    }

    private void apply(int gen, List<FitRecord> batch) {
        if (gen != generation) return;
        fits.addAll(batch);
        revision.set(revision.get() + 1);
    }

    private void finish(int gen, String message) {
        if (gen != generation) return;
        running = null;
        runStatus.finish(message);
        revision.set(revision.get() + 1);
    }

    /** Median and quartiles of a metric per n (ascending) over the fits of a case shown so far. */
    public List<Point> points(FitCase c, FitRecord.Metric m) {
        List<Point> out = new ArrayList<>();
        for (int n : runSizes) {
            double[] v = fits.stream().filter(r -> r.fitCase() == c && r.n() == n).mapToDouble(m::of)
                    .filter(Double::isFinite).toArray();
            if (v.length == 0) continue;
            Arrays.sort(v);
            out.add(new Point(n, ConvergenceExperiment.median(v), quantile(v, 0.25), quantile(v, 0.75), v.length));
        }
        return out;
    }

    /** Least-squares slope of ln(median) against ln n over n ≥ {@link #SLOPE_FROM}, as the engine computes it; NaN for fewer than two n. */
    public double slope(FitCase c, FitRecord.Metric m) {
        List<double[]> pts = new ArrayList<>();
        for (Point p : points(c, m)) {
            if (p.n() >= SLOPE_FROM && p.median() > 0) pts.add(new double[] {Math.log(p.n()), Math.log(p.median())});
        }
        return ConvergenceExperiment.slope(pts);
    }

    /** Fits of a case that ended more than 1 nat below the truth's log-likelihood. */
    public int fitsBelowTruth(FitCase c) {
        return (int) fits.stream().filter(r -> r.fitCase() == c && r.loglik() < r.loglikTrue() - 1).count();
    }

    /** Linear interpolation between order statistics (sorted v), p in [0, 1]. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) return sorted[0];
        double x = p * (sorted.length - 1);
        int i = (int) Math.floor(x);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (x - i) * (sorted[j] - sorted[i]);
    }
}
