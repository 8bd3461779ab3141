package lab.softmax.engine.ghosts.training;

/**
 * A classifier of the step-safety experiment: one flat parameter vector θ, mean cross-entropy,
 * hand-written backpropagation, and the forward-mode Jacobian–vector product a = J_z·v that gives the
 * logit slopes along a parameter direction (the logits linearised along the step, z_k(τ) = z_k + a_k τ,
 * as in Sao 2026, arXiv 2603.13552).
 *
 * <p>Two modes, as torch's train()/eval(): the training step ({@link #trainingLossAndGradient}) may use
 * and update batch state (BatchNorm's batch statistics and running averages); everything else is the
 * inference function of θ alone (BatchNorm with its running statistics), so evaluation, ρ_a and the
 * one-step sweep see one fixed function. An instance keeps scratch buffers (and BatchNorm's running
 * statistics): one per run and thread.
 */
public interface StepSafetyModel {
    int parameterCount();

    int classes();

    /** Fresh parameters (the model's initialisation, drawn from rng). */
    double[] initialParameters(PaperRandom rng);

    /**
     * The training step's mean cross-entropy over the rows and its gradient (overwrites grad), in
     * training mode: a BatchNorm model normalises by the rows' statistics and updates its running ones.
     */
    double trainingLossAndGradient(double[] theta, Dataset data, int[] rows, double[] grad);

    /** Mean cross-entropy over the rows and its gradient (overwrites grad), in inference mode; no state changes. */
    double lossAndGradient(double[] theta, Dataset data, int[] rows, double[] grad);

    /** Mean cross-entropy and accuracy over a whole data set (inference mode). */
    Evaluation evaluate(double[] theta, Dataset data);

    /** The logits of one sample (a fresh array; inference mode). */
    double[] logits(double[] theta, double[] x);

    /** Logits z and slopes a = J_z·v of one sample, into zOut and aOut (inference mode). */
    void logitsAndSlopes(double[] theta, double[] v, double[] x, double[] zOut, double[] aOut);

    /**
     * The largest logit spread Δa = max a − min a over the data set along v, and the sample attaining it.
     * A NaN slope (a diverged model: NaN parameters or direction) makes Δa NaN at the first such sample:
     * a diverged step has no certified radius, and a comparison-based maximum would silently skip it.
     */
    default Spread maxSpread(double[] theta, double[] v, Dataset data) {
        int c = classes();
        double[] z = new double[c];
        double[] a = new double[c];
        double best = -1;
        int index = -1;
        for (int i = 0; i < data.size(); i++) {
            logitsAndSlopes(theta, v, data.x()[i], z, a);
            double lo = a[0];
            double hi = a[0];
            for (int k = 1; k < c; k++) {
                lo = Math.min(lo, a[k]);
                hi = Math.max(hi, a[k]);
            }
            if (Double.isNaN(hi - lo)) return new Spread(Double.NaN, i);
            if (hi - lo > best) {
                best = hi - lo;
                index = i;
            }
        }
        return new Spread(best, index);
    }

    /** Loss and accuracy of one evaluation; the loss is +Infinity or NaN if the logits overflowed. */
    record Evaluation(double loss, double accuracy) { }

    /** Δa of the bottleneck sample and its row. */
    record Spread(double deltaA, int sample) {
        /** ρ_a = π/Δa (Infinity when Δa = 0, NaN when Δa is NaN). */
        public double rhoA() {
            if (Double.isNaN(deltaA)) return Double.NaN;
            return deltaA > 0 ? Math.PI / deltaA : Double.POSITIVE_INFINITY;
        }
    }
}
