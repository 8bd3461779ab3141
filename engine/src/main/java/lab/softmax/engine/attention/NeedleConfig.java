package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;

/**
 * The needle-retrieval task (docs/labs/attention.md): per example, n keys in ℝ^keyDim (unit-norm
 * Gaussian, or plain N(0, I) when {@code normaliseKeys} is off), values N(0, I_valueDim), a target t
 * uniform on the n positions, the query q = k_t + queryNoise·ξ/√keyDim and the target y = v_t.
 * Training draws one n per batch from {@code trainLengths}; evaluation uses {@code evalExamples}
 * fresh examples per length of {@code evalLengths}.
 *
 * @param evalEvery steps between live evaluations (0: only at the end); a live evaluation uses
 *                  {@code liveExamples} examples per length
 */
public record NeedleConfig(int keyDim, int valueDim, boolean normaliseKeys, double queryNoise, double learningRate,
                           int batchSize, int steps, int[] trainLengths, int[] evalLengths, int evalExamples,
                           double weightDecay, double beta0, double initScale, long seed, int evalEvery,
                           int liveExamples) {
    public static final int MAX_LENGTH = 1 << 16;
    /** Largest key or value dimension: W is d×d. */
    public static final int MAX_DIM = 1024;
    /** Most examples in a batch or an evaluation. */
    public static final int MAX_COUNT = 100_000;

    public NeedleConfig {
        within(keyDim, MAX_DIM, "keyDim");
        within(valueDim, MAX_DIM, "valueDim");
        if (!(queryNoise >= 0) || !Double.isFinite(queryNoise)) throw new InputException("queryNoise", queryNoise + " must be >= 0");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new InputException("learningRate", learningRate + " must be > 0");
        within(batchSize, MAX_COUNT, "batchSize");
        if (steps < 0) throw new InputException("steps", steps + " must be >= 0");
        trainLengths = lengths(trainLengths, "trainLengths");
        evalLengths = lengths(evalLengths, "evalLengths");
        within(evalExamples, MAX_COUNT, "evalExamples");
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) throw new InputException("weightDecay", weightDecay + " must be >= 0");
        if (!Double.isFinite(beta0)) throw new InputException("beta0", beta0 + " must be finite");
        if (!(initScale >= 0) || !Double.isFinite(initScale)) throw new InputException("initScale", initScale + " must be >= 0");
        if (evalEvery < 0) throw new InputException("evalEvery", evalEvery + " must be >= 0");
        within(liveExamples, MAX_COUNT, "liveExamples");
    }

    private static void within(int v, int max, String field) {
        if (v < 1 || v > max) throw new InputException(field, v + " is outside 1.." + max);
    }

    private static int[] lengths(int[] v, String field) {
        if (v == null || v.length == 0) throw new InputException(field, "give at least one length");
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 1 || v[i] > MAX_LENGTH) {
                throw new InputException(field + "[" + i + "]", v[i] + " is outside 1.." + MAX_LENGTH);
            }
        }
        return v.clone();
    }

    @Override
    public int[] trainLengths() { return trainLengths.clone(); }

    @Override
    public int[] evalLengths() { return evalLengths.clone(); }

    public NeedleConfig withSteps(int s) {
        return new NeedleConfig(keyDim, valueDim, normaliseKeys, queryNoise, learningRate, batchSize, s, trainLengths,
                evalLengths, evalExamples, weightDecay, beta0, initScale, seed, evalEvery, liveExamples);
    }

    public NeedleConfig withSeed(long s) {
        return new NeedleConfig(keyDim, valueDim, normaliseKeys, queryNoise, learningRate, batchSize, steps, trainLengths,
                evalLengths, evalExamples, weightDecay, beta0, initScale, s, evalEvery, liveExamples);
    }

    public NeedleConfig withWeightDecay(double wd) {
        return new NeedleConfig(keyDim, valueDim, normaliseKeys, queryNoise, learningRate, batchSize, steps, trainLengths,
                evalLengths, evalExamples, wd, beta0, initScale, seed, evalEvery, liveExamples);
    }

    public NeedleConfig withEval(int[] lengths, int examples) {
        return new NeedleConfig(keyDim, valueDim, normaliseKeys, queryNoise, learningRate, batchSize, steps, trainLengths,
                lengths, examples, weightDecay, beta0, initScale, seed, evalEvery, liveExamples);
    }

    public NeedleConfig withEvalEvery(int every, int examples) {
        return new NeedleConfig(keyDim, valueDim, normaliseKeys, queryNoise, learningRate, batchSize, steps, trainLengths,
                evalLengths, evalExamples, weightDecay, beta0, initScale, seed, every, examples);
    }
}
