package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.io.ScenarioType;

/**
 * The MoE gating lab's whole state: the plane view's gates and routing controls, and the convergence experiment's
 * settings.
 *
 * @param gateWeights    k × 2 gate weights (2 ≤ k ≤ 12), finite
 * @param gateBiases     k gate biases, finite
 * @param topK           active experts per input, 1..k
 * @param temperature    T dividing every logit (softmax(l/T), as in every lab), 0.01..100: a larger T flattens the
 *                       weights; it changes weights, never the partition
 * @param router         how weights are formed on the top-K set
 * @param capacityFactor per-expert capacity as a multiple of the even share K·N/k, 0 (no limit) or 0.1..16
 * @param chosenExpert   the expert whose within-region weight shades the plane, 0..k−1
 * @param plane          the rectangle shown: {xMin, xMax, yMin, yMax}
 * @param cases          the fits of the convergence experiment
 * @param sampleSizes    its n values (20..10⁷ each)
 * @param repetitions    repetitions per n, 1..1000
 * @param initNoise      σ of the n-independent initialisation noise, 0..10
 * @param seed           the experiment's master seed
 */
public record MoeState(double[][] gateWeights, double[] gateBiases, int topK, double temperature, Router router,
                       double capacityFactor, int chosenExpert, double[] plane, List<FitCase> cases,
                       int[] sampleSizes, int repetitions, double initNoise, long seed) {
    public static final ScenarioType<MoeState> TYPE = new ScenarioType<>("moe", 1, MoeState.class);
    public static final int MAX_EXPERTS = 12;
    public static final double MIN_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 100;

    public MoeState {
        if (gateWeights == null) throw new InputException("gateWeights", "missing");
        if (gateBiases == null) throw new InputException("gateBiases", "missing");
        int k = gateWeights.length;
        if (k < 2 || k > MAX_EXPERTS) throw new InputException("gateWeights", k + " experts is outside 2.." + MAX_EXPERTS);
        if (gateBiases.length != k) throw new InputException("gateBiases", gateBiases.length + " entries but gateWeights has " + k + " rows");
        double[][] w = new double[k][];
        for (int i = 0; i < k; i++) {
            if (gateWeights[i] == null || gateWeights[i].length != 2) throw new InputException("gateWeights[" + i + "]", "need exactly 2 numbers (the plane)");
            for (int j = 0; j < 2; j++) {
                if (!Double.isFinite(gateWeights[i][j])) throw new InputException("gateWeights[" + i + "][" + j + "]", gateWeights[i][j] + " is not finite");
            }
            if (!Double.isFinite(gateBiases[i])) throw new InputException("gateBiases[" + i + "]", gateBiases[i] + " is not finite");
            w[i] = gateWeights[i].clone();
        }
        gateWeights = w;
        gateBiases = gateBiases.clone();
        if (topK < 1 || topK > k) throw new InputException("topK", topK + " is outside 1.." + k);
        if (!(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
            throw new InputException("temperature", temperature + " is outside " + MIN_TEMPERATURE + ".." + MAX_TEMPERATURE);
        }
        if (router == null) throw new InputException("router", "missing");
        if (!(capacityFactor == 0 || (capacityFactor >= 0.1 && capacityFactor <= 16))) {
            throw new InputException("capacityFactor", capacityFactor + " must be 0 (no limit) or within 0.1..16");
        }
        if (chosenExpert < 0 || chosenExpert >= k) throw new InputException("chosenExpert", chosenExpert + " is outside 0.." + (k - 1));
        if (plane == null || plane.length != 4) throw new InputException("plane", "need {xMin, xMax, yMin, yMax}");
        try {
            new GatePlane.Rect(plane[0], plane[1], plane[2], plane[3]);
        } catch (InputException e) {
            throw new InputException("plane", e.problem());
        }
        plane = plane.clone();
        if (cases == null || cases.isEmpty()) throw new InputException("cases", "choose at least one");
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i) == null) throw new InputException("cases[" + i + "]", "null entry");
        }
        cases = List.copyOf(cases);
        if (sampleSizes == null || sampleSizes.length == 0) throw new InputException("sampleSizes", "need at least one n");
        for (int i = 0; i < sampleSizes.length; i++) {
            if (sampleSizes[i] < 20 || sampleSizes[i] > 10_000_000) throw new InputException("sampleSizes[" + i + "]", sampleSizes[i] + " is outside 20..10000000");
        }
        sampleSizes = sampleSizes.clone();
        if (repetitions < 1 || repetitions > 1000) throw new InputException("repetitions", repetitions + " is outside 1..1000");
        if (!(initNoise >= 0 && initNoise <= 10)) throw new InputException("initNoise", initNoise + " is outside 0..10");
    }

    /**
     * Five experts around the origin, top-2: ten possible active sets, five visible, and a clear jump at each edge. The
     * experiment settings are the quick ones the app starts with (exact, over-specified and K-too-small; n = 10³, 3·10³,
     * 10⁴; 5 repetitions: a minute or two on two cores); {@link ConvergenceExperiment.Settings#full} is the full one.
     */
    public static MoeState defaults() {
        return new MoeState(new double[][] {{1.6, 0.5}, {0.02, 1.68}, {-1.58, 0.55}, {-0.96, -1.37}, {0.98, -1.36}},
                new double[] {0.4, 0.0, -0.3, 0.2, 0.0}, 2, 1.0, Router.TOPK_SOFTMAX, 1.25, 0,
                new double[] {-3, 3, -3, 3}, List.of(FitCase.EXACT, FitCase.OVER, FitCase.K_TOO_SMALL),
                new int[] {1000, 3000, 10_000}, 5, 0.1, 20240913L);
    }

    public int experts() { return gateBiases.length; }

    /** The gates as the engine's {@link Gates}. */
    public Gates gates() { return new Gates(gateWeights, gateBiases); }

    public GatePlane.Rect rect() { return new GatePlane.Rect(plane[0], plane[1], plane[2], plane[3]); }

    /** The experiment settings of this state (full fit settings, n ≥ 10³ in the slopes, 64 density points). */
    public ConvergenceExperiment.Settings experiment() {
        return new ConvergenceExperiment.Settings(cases, sampleSizes, repetitions, initNoise, seed, 1000, 64,
                MoeFit.Settings.defaults());
    }

    @Override
    public double[][] gateWeights() {
        double[][] w = new double[gateWeights.length][];
        for (int i = 0; i < w.length; i++) w[i] = gateWeights[i].clone();
        return w;
    }

    @Override public double[] gateBiases() { return gateBiases.clone(); }

    @Override public double[] plane() { return plane.clone(); }

    @Override public int[] sampleSizes() { return sampleSizes.clone(); }

    public MoeState withGates(double[][] weights, double[] biases) {
        int k = biases.length;
        return new MoeState(weights, biases, Math.min(topK, k), temperature, router, capacityFactor,
                Math.min(chosenExpert, k - 1), plane, cases, sampleSizes, repetitions, initNoise, seed);
    }

    public MoeState withTopK(int k) {
        return new MoeState(gateWeights, gateBiases, k, temperature, router, capacityFactor, chosenExpert, plane, cases,
                sampleSizes, repetitions, initNoise, seed);
    }

    public MoeState withTemperature(double t) {
        return new MoeState(gateWeights, gateBiases, topK, t, router, capacityFactor, chosenExpert, plane, cases,
                sampleSizes, repetitions, initNoise, seed);
    }

    public MoeState withRouter(Router r) {
        return new MoeState(gateWeights, gateBiases, topK, temperature, r, capacityFactor, chosenExpert, plane, cases,
                sampleSizes, repetitions, initNoise, seed);
    }

    public MoeState withChosenExpert(int e) {
        return new MoeState(gateWeights, gateBiases, topK, temperature, router, capacityFactor, e, plane, cases,
                sampleSizes, repetitions, initNoise, seed);
    }
}
