package lab.softmax.app.cli.moe;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.moe.ConvergenceExperiment;
import lab.softmax.engine.moe.FitCase;
import lab.softmax.engine.moe.FitRecord;
import lab.softmax.engine.moe.MoeFit;
import lab.softmax.engine.moe.TrueModel;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The convergence experiment of a top-K gated Gaussian mixture of experts (docs/labs/moe.md)",
                "on x ~ U[0,1]: the true model is --true-model (the lab's has k*=3 experts with K*=2). For each n",
                "and repetition one sample is drawn (the same for every case); the fit starts from the case's",
                "centre plus n-independent noise N(0, 0.1^2) and is measured against the truth: Voronoi losses",
                "D1, D2, the mean Hellinger density error and the split cell's raw errors. Cases: exact",
                "(k=k*, K=K*), over (k=k*+1, K=K*+1: one expert split in two), k-too-small (k=k*+1, K=K*),",
                "k-below-truth (k=k*, K=K*-1); with the lab's model (3,2), (4,3), (4,2), (3,1). --experts and",
                "--top-k may name the case instead. Slopes: least squares of ln(median over the repetitions)",
                "against ln n over the n >= --slope-from (theory: -1/2 for D1, D2, density; -1/8 for the split",
                "atoms' beta_1 and b, -1/4 for their a and nu). Results are identical for any --threads. The",
                "defaults are the full experiment (docs/labs/moe.md gives its time); try --n 1000,3000 --reps 5",
                "first. --json prints {\"fits\":[{\"case\",\"n\",\"rep\",\"loglik\",\"loglik_true\",\"d1\",\"d2\",...}],",
                "\"slopes\":{\"d1\",\"d2\",...}}; with --stream, one line per fit as it finishes and then",
                "{\"done\":true,\"slopes\":{...},...}."})
public final class MoeFitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--case", paramLabel = "CASE",
            description = "exact, over, k-too-small or k-below-truth (default: exact, or the one --experts/--top-k name)")
    String fitCase;

    @Option(names = "--experts", paramLabel = "k", description = "experts of the fitted model: k* or k*+1 (with --top-k, names the case)")
    Integer experts;

    @Option(names = "--top-k", paramLabel = "K", description = "active experts of the fitted model, 1..k (with --experts, names the case)")
    Integer topK;

    @Option(names = "--true-model", paramLabel = "FILE|PRESET", defaultValue = "lab",
            description = {"the true model: lab (k*=3, K*=2, the lab's model), paper (k*=2, K*=1, the",
                    "paper's simulation model as summaries describe it) or a JSON file",
                    "{\"gates\":{\"weights\":[[b1],...],\"biases\":[...]},\"experts\":{\"a\":[[a],...],",
                    "\"b\":[...],\"nu\":[...]},\"top_k\":K} (d=1, nu the variance) (default: ${DEFAULT-VALUE})"})
    String trueModel;

    @Option(names = "--n", split = ",", paramLabel = "N", defaultValue = "1000,3000,10000,30000,100000",
            description = "sample sizes, comma-separated, each 20..10000000 (default: ${DEFAULT-VALUE})")
    int[] sizes;

    @Option(names = "--reps", paramLabel = "R", defaultValue = "20", description = "repetitions per n, 1..10000 (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--first-rep", paramLabel = "R0", defaultValue = "0",
            description = {"index of the first repetition: the run covers R0 .. R0+R-1; every (case, n, repetition)",
                    "gives the same fit in any run, so a long grid can be split into runs or resumed (default: ${DEFAULT-VALUE})"})
    int firstRep;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20240913", description = "master seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads, 1..256 (default: the available processors)")
    Integer threads;

    @Option(names = "--init-noise", paramLabel = "SIGMA", defaultValue = "0.1",
            description = "sigma of the initialisation noise, the same for every n, 0..10 (default: ${DEFAULT-VALUE})")
    double initNoise;

    @Option(names = "--slope-from", paramLabel = "N", defaultValue = "1000",
            description = "smallest n entering the slopes (default: ${DEFAULT-VALUE})")
    int slopeFrom;

    @Option(names = "--json", description = "Print one JSON document (with --stream: JSON Lines).")
    boolean json;

    @Option(names = "--stream", description = "With --json: one line per fit as it finishes, then the summary line.")
    boolean stream;

    @Override
    public Integer call() throws Exception {
        TrueModel truth = trueModel();
        FitCase c = fitCase(truth);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1 || nThreads > 256) throw new InputException("", "--threads", nThreads + " is outside 1..256");
        if (stream && !json) throw new InputException("", "--stream", "needs --json");
        ConvergenceExperiment.Settings s = settings(c, truth);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "true model %s (k*=%d, K*=%d); case %s (k=%d, K=%d): n %s, %d repetitions, seed %d, %d threads%n",
                    truth.name(), truth.model().experts(), truth.model().topK(), c.id(), c.experts(truth), c.topK(truth),
                    java.util.Arrays.toString(s.sampleSizes()), reps, seed, nThreads);
            out.printf(Locale.ROOT, "%8s %4s %14s %14s %10s %10s %10s%n", "n", "rep", "loglik", "loglik_true", "d1", "d2", "density");
            out.flush();
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
            Thread t = new Thread(r, "moe-fit");
            t.setDaemon(true);
            return t;
        });
        ConvergenceExperiment.Result result;
        try {
            result = ConvergenceExperiment.run(s, pool, Progress.NONE, Cancellation.none(), r -> {
                synchronized (out) {
                    if (json && stream) {
                        JsonOutput.printLine(out, Json.mapper().valueToTree(r));
                    } else if (!json) {
                        out.printf(Locale.ROOT, "%8d %4d %14.4f %14.4f %10.5f %10.5f %10.6f%n", r.n(), r.rep(), r.loglik(),
                                r.loglikTrue(), r.d1(), r.d2(), r.density());
                        out.flush();
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ConvergenceExperiment.CaseSummary summary = result.summary(c);
        if (json && stream) {
            ObjectNode done = summaryJson(c, truth, summary);
            done.put("done", true);
            JsonOutput.printLine(out, done);
        } else if (json) {
            ObjectNode o = JsonOutput.object();
            ArrayNode fits = o.putArray("fits");
            for (FitRecord r : result.fits()) fits.add(Json.mapper().valueToTree(r));
            o.setAll(summaryJson(c, truth, summary));
            JsonOutput.print(out, o);
        } else {
            printSummary(out, c, summary, seconds);
        }
        return Cli.OK;
    }

    TrueModel trueModel() {
        try {
            return TrueModel.parse(trueModel);
        } catch (InputException e) {
            // a file's problem names the file and its field; the option it came from goes in front
            throw e.field().equals("--true-model") ? e : new InputException("", "--true-model", e.getMessage(), e);
        }
    }

    /** The case named by --case, or by --experts and --top-k (which must agree with it). */
    FitCase fitCase(TrueModel truth) {
        if (topK != null && topK <= 0) throw new InputException("", "--top-k", topK + " must be >= 1");
        if (experts != null && experts <= 0) throw new InputException("", "--experts", experts + " must be >= 1");
        if (topK != null && experts != null && topK > experts) {
            throw new InputException("", "--top-k", topK + " exceeds the number of experts (--experts " + experts + ")");
        }
        FitCase named = null;
        if (fitCase != null) {
            try {
                named = FitCase.parse(fitCase);
            } catch (InputException e) {
                throw new InputException("", "--case", e.problem());
            }
        }
        if (experts == null && topK == null) return named == null ? FitCase.EXACT : named;
        if (named != null) {
            if (experts != null && experts != named.experts(truth)) {
                throw new InputException("", "--experts", experts + " disagrees with --case " + named.id() + " (k = " + named.experts(truth) + ")");
            }
            if (topK != null && topK != named.topK(truth)) {
                throw new InputException("", "--top-k", topK + " disagrees with --case " + named.id() + " (K = " + named.topK(truth) + ")");
            }
            return named;
        }
        List<FitCase> matching = java.util.Arrays.stream(FitCase.values())
                .filter(f -> f.topK(truth) >= 1)
                .filter(f -> (experts == null || f.experts(truth) == experts) && (topK == null || f.topK(truth) == topK)).toList();
        String cases = String.join(", ", java.util.Arrays.stream(FitCase.values()).filter(f -> f.topK(truth) >= 1)
                .map(f -> f.id() + " (k=" + f.experts(truth) + ", K=" + f.topK(truth) + ")").toList());
        if (matching.isEmpty()) {
            throw new InputException("", experts != null ? "--experts" : "--top-k", (experts != null ? "k = " + experts : "")
                    + (experts != null && topK != null ? ", " : "") + (topK != null ? "K = " + topK : "")
                    + " is not a fit case (" + cases + ")");
        }
        if (matching.size() > 1) {
            throw new InputException("", experts != null ? "--top-k" : "--experts", "missing: "
                    + (experts != null ? "k = " + experts : "K = " + topK) + " fits several cases (" + cases + ")");
        }
        return matching.getFirst();
    }

    ConvergenceExperiment.Settings settings(FitCase c, TrueModel truth) {
        return Options.config(() -> new ConvergenceExperiment.Settings(List.of(c), sizes, reps, initNoise, seed, slopeFrom, 64,
                MoeFit.Settings.defaults(), truth, firstRep),
                Map.of("sampleSizes", "--n", "repetitions", "--reps", "firstRepetition", "--first-rep"));
    }

    /** The theory's rate of a metric in a case (NaN where the paper states none). */
    static double theory(FitCase c, FitRecord.Metric m) {
        if (c == FitCase.K_BELOW_TRUTH) return m == FitRecord.Metric.DENSITY ? 0 : Double.NaN;
        return switch (m) {
            case D1 -> c == FitCase.EXACT ? -0.5 : Double.NaN;
            case D2 -> c == FitCase.OVER ? -0.5 : Double.NaN;
            case DENSITY, CELL_MASS, SINGLETON -> -0.5;
            case CELL_BETA1, CELL_B -> c == FitCase.OVER ? -0.125 : Double.NaN;
            case CELL_A, CELL_NU -> c == FitCase.OVER ? -0.25 : Double.NaN;
        };
    }

    static String key(FitRecord.Metric m) { return m.name().toLowerCase(Locale.ROOT); }

    private ObjectNode summaryJson(FitCase c, TrueModel truth, ConvergenceExperiment.CaseSummary summary) {
        ObjectNode o = JsonOutput.object();
        ObjectNode slopes = o.putObject("slopes");
        for (FitRecord.Metric m : FitRecord.Metric.values()) slopes.put(key(m), summary.slope(m));
        ObjectNode theory = o.putObject("theory");
        for (FitRecord.Metric m : FitRecord.Metric.values()) {
            double t = theory(c, m);
            if (!Double.isNaN(t)) theory.put(key(m), t);
        }
        ArrayNode medians = o.putArray("medians");
        for (ConvergenceExperiment.Medians md : summary.medians()) {
            ObjectNode row = medians.addObject();
            row.put("n", md.n());
            for (FitRecord.Metric m : FitRecord.Metric.values()) row.put(key(m), md.values().get(m));
        }
        o.put("case", c.id());
        o.put("experts", c.experts(truth));
        o.put("top_k", c.topK(truth));
        ObjectNode tm = o.putObject("true_model");
        tm.put("name", truth.name());
        tm.put("experts", truth.model().experts());
        tm.put("top_k", truth.model().topK());
        o.put("reps", reps);
        o.put("first_rep", firstRep);
        o.put("seed", seed);
        o.put("slope_from", slopeFrom);
        o.put("fits_below_truth", summary.fitsBelowTruth());
        return o;
    }

    private static void printSummary(PrintWriter out, FitCase c, ConvergenceExperiment.CaseSummary summary, double seconds) {
        out.println();
        out.printf(Locale.ROOT, "%8s %10s %10s %10s %10s %10s %10s %10s%n", "n", "med d1", "med d2", "density", "cell b1",
                "cell a", "cell b", "cell nu");
        for (ConvergenceExperiment.Medians md : summary.medians()) {
            var v = md.values();
            out.printf(Locale.ROOT, "%8d %10.5f %10.5f %10.6f %10.5f %10.5f %10.5f %10.5f%n", md.n(), v.get(FitRecord.Metric.D1),
                    v.get(FitRecord.Metric.D2), v.get(FitRecord.Metric.DENSITY), v.get(FitRecord.Metric.CELL_BETA1),
                    v.get(FitRecord.Metric.CELL_A), v.get(FitRecord.Metric.CELL_B), v.get(FitRecord.Metric.CELL_NU));
        }
        out.println("slopes of ln(median) against ln n (theory in brackets):");
        for (FitRecord.Metric m : FitRecord.Metric.values()) {
            double t = theory(c, m);
            out.printf(Locale.ROOT, "  %-11s %8.3f%s%n", key(m), summary.slope(m),
                    Double.isNaN(t) ? "" : String.format(Locale.ROOT, "  [%.3f]", t));
        }
        out.printf(Locale.ROOT, "%d fits ended more than 1 nat below the truth's log-likelihood; %.1f s%n",
                summary.fitsBelowTruth(), seconds);
        out.flush();
    }
}
