package lab.softmax.engine.moe;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * Test-scope runner of the convergence experiment (not a unit test):
 * {@code java -cp <engine classes>:<test classes>:<jackson> lab.softmax.engine.moe.MoeExperimentMain THREADS REPS N1,N2,... [CASES] [FIT]}
 * with CASES a comma list of fit case ids (or "all") and FIT a comma list of "coordinate-directions" (the polish
 * without gate-scale directions) and "restarts=R".
 * Prints every fit as it finishes, then medians and slopes per case and the wall time.
 */
public final class MoeExperimentMain {
    private MoeExperimentMain() { }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] ns = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1000, 3000, 10_000, 30_000, 100_000};
        List<FitCase> cases = args.length > 3 && !args[3].equals("all") ? Arrays.stream(args[3].split(",")).map(FitCase::parse).toList() : List.of(FitCase.values());
        var full = ConvergenceExperiment.Settings.full(20240913L);
        MoeFit.Settings fit = full.fit();
        if (args.length > 4) {
            for (String o : args[4].split(",")) {
                if (o.equals("coordinate-directions")) fit = fit.withGateScaleDirections(false);
                else if (o.startsWith("restarts=")) fit = fit.withRestarts(Integer.parseInt(o.substring(9)));
                else throw new IllegalArgumentException("unknown fit option " + o);
            }
        }
        System.out.println("fit settings: " + fit);
        var s = new ConvergenceExperiment.Settings(cases, ns, reps, full.initNoise(), full.seed(), 1000, full.densityGrid(), fit);
        long t0 = System.nanoTime();
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        ConvergenceExperiment.Result r;
        try {
            r = ConvergenceExperiment.run(s, ex, Progress.NONE, Cancellation.none(), f -> {
                synchronized (MoeExperimentMain.class) {
                    System.out.printf(Locale.ROOT, "fit %-12s n=%6d rep=%2d ll-llTrue=%9.3f d1=%.4g d2=%.4g dens=%.4g b1=%.3g a=%.3g b=%.3g nu=%.3g mass=%.3g single=%.3g em=%d ev=%d t=%.1fs%n",
                            f.fitCase().id(), f.n(), f.rep(), f.loglik() - f.loglikTrue(), f.d1(), f.d2(), f.density(),
                            f.cellBeta1(), f.cellA(), f.cellB(), f.cellNu(), f.cellMass(), f.singleton(), f.emIterations(),
                            f.polishEvaluations(), (System.nanoTime() - t0) * 1e-9);
                }
            });
        } finally {
            ex.shutdown();
        }
        double secs = (System.nanoTime() - t0) * 1e-9;
        for (var c : r.cases()) {
            System.out.println("== " + c.fitCase().id() + "  fits below loglik_true-1: " + c.fitsBelowTruth());
            for (var m : c.medians()) {
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  n=%6d", m.n()));
                for (var e : m.values().entrySet()) b.append(String.format(Locale.ROOT, " %s=%.4g", e.getKey(), e.getValue()));
                System.out.println(b);
            }
            StringBuilder b = new StringBuilder("  slopes:");
            for (var e : c.slopes().entrySet()) b.append(String.format(Locale.ROOT, " %s=%.3f", e.getKey(), e.getValue()));
            System.out.println(b);
        }
        System.out.printf(Locale.ROOT, "threads=%d wall=%.1f s%n", threads, secs);
    }
}
