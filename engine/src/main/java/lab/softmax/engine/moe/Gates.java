package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;

/**
 * Affine gate logits of k experts on inputs of dimension d: l_i(x) = weights[i]·x + biases[i]. Immutable; every
 * entry finite, every row of length d ≥ 1.
 */
public record Gates(double[][] weights, double[] biases) {
    public Gates {
        if (weights == null || weights.length == 0) throw new InputException("weights", "need at least one expert");
        if (biases == null) throw new InputException("biases", "missing");
        if (biases.length != weights.length) {
            throw new InputException("biases", biases.length + " entries but weights has " + weights.length + " rows");
        }
        int d = weights[0] == null ? 0 : weights[0].length;
        double[][] w = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == null || weights[i].length == 0) throw new InputException("weights[" + i + "]", "empty row");
            if (weights[i].length != d) {
                throw new InputException("weights[" + i + "]", weights[i].length + " entries but row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(weights[i][j])) throw new InputException("weights[" + i + "][" + j + "]", weights[i][j] + " is not finite");
            }
            if (!Double.isFinite(biases[i])) throw new InputException("biases[" + i + "]", biases[i] + " is not finite");
            w[i] = weights[i].clone();
        }
        weights = w;
        biases = biases.clone();
    }

    /** Number of experts k. */
    public int experts() { return biases.length; }

    /** Input dimension d. */
    public int dimension() { return weights[0].length; }

    @Override
    public double[][] weights() {
        double[][] w = new double[weights.length][];
        for (int i = 0; i < w.length; i++) w[i] = weights[i].clone();
        return w;
    }

    @Override
    public double[] biases() { return biases.clone(); }

    /** Weight j of expert i, without copying. */
    public double weight(int i, int j) { return weights[i][j]; }

    /** Bias of expert i, without copying. */
    public double bias(int i) { return biases[i]; }

    /**
     * The logits at x multiplied by scale, into out (length k). A temperature T divides the logits (softmax(l/T), as
     * in every lab): pass scale = 1/T. Any scale &gt; 0 leaves every top-K set unchanged.
     */
    public void logits(double[] x, double scale, double[] out) {
        if (x.length != dimension()) throw new InputException("x", "has " + x.length + " entries, gates expect " + dimension());
        for (int i = 0; i < biases.length; i++) {
            double s = biases[i];
            double[] w = weights[i];
            for (int j = 0; j < w.length; j++) s += w[j] * x[j];
            out[i] = scale * s;
        }
    }
}
