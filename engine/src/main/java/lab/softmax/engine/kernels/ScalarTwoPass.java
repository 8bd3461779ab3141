package lab.softmax.engine.kernels;

/**
 * The Two-Pass softmax (Dukhan & Ablavatski), scalar reference. exp(x) is held as p·2^n with
 * n = round(x·log2 e) and p = exp(x − n·ln 2) ∈ [0.7, 1.42]; pass 1 sums these extended floats
 * rescaling by exact powers of two, so it cannot overflow; no max pass is needed.
 * Where |x·log2 e| ≥ 2^22 the fp32 n = fl(x·log2 e) is no longer an exact round(x·log2 e), so a chunk whose
 * sum exponent reaches {@link #HUGE_EXPONENT} is redone by {@link HugeLogitSoftmax} (exact integer exponents,
 * relative to the chunk max). Below that exponent such inputs can only be far below the row's top and get weight 0.
 */
final class ScalarTwoPass implements SoftmaxKernel, RowKernel {
    private static final double LN2 = Math.log(2);
    /** Sum exponents of this magnitude or more (or non-finite) take the exact huge-logit path. */
    static final double HUGE_EXPONENT = 0x1p21;

    static boolean needsExactPath(double exponent) { return !(Math.abs(exponent) < HUGE_EXPONENT); }

    @Override public Algorithm algorithm() { return Algorithm.TWO_PASS; }

    @Override public Impl impl() { return Impl.SCALAR; }

    @Override public float max(float[] x, int from, int to) { return ScalarThreePassRecompute.scalarMax(x, from, to); }

    /** n = round(x·log2 e) in fp32 exactly as the vector kernel computes it, so both agree on ties. */
    static double exponentOf(float x) {
        float a = Math.max(x, ExpConstants.TWO_PASS_LOWEST) * ExpConstants.LOG2E;
        return Math.abs(a) >= ExpConstants.ROUND_LIMIT ? a : (a + ExpConstants.ROUND_MAGIC) - ExpConstants.ROUND_MAGIC;
    }

    static double mantissaOf(float x, double n) {
        if (x == Float.NEGATIVE_INFINITY) return 0;
        if (Math.abs(n) >= ExpConstants.ROUND_LIMIT) return 1;
        return (float) Math.exp(x - n * LN2);
    }

    @Override
    public SoftmaxReduction reduce(float[] x, float[] y, int from, int to, float ignored) {
        RowScratch scratch = new RowScratch();
        reduce(x, from, to, scratch);
        return scratch.extendedSum();
    }

    @Override
    public double softmaxRow(float[] x, float[] y, int from, int to, RowScratch scratch) {
        reduce(x, from, to, scratch);
        double exponent = scratch.exponent;
        double mantissa = scratch.mantissa;
        normalise(x, y, from, to, exponent, mantissa);
        return ExtendedSum.logSumExp(exponent, mantissa);
    }

    /** Pass 1: the extended sum into the scratch (exactly, via {@link HugeLogitSoftmax}, for huge exponents). */
    static void reduce(float[] x, int from, int to, RowScratch scratch) {
        double accE = Double.NEGATIVE_INFINITY;
        double accV = 0;
        for (int i = from; i < to; i++) {
            double n = exponentOf(x[i]);
            double p = mantissaOf(x[i], n);
            if (p == 0) continue;
            if (n > accE) {
                accV = ExtendedSum.scale(accV, accE - n) + p;
                accE = n;
            } else {
                accV += ExtendedSum.scale(p, n - accE);
            }
        }
        if (accV != 0 && needsExactPath(accE)) {
            scratch.set(HugeLogitSoftmax.reduce(x, from, to));
        } else {
            scratch.exponent = accE;
            scratch.mantissa = accV;
        }
    }

    @Override
    public void normalise(float[] x, float[] y, int from, int to, SoftmaxReduction row) {
        ExtendedSum s = (ExtendedSum) row;
        normalise(x, y, from, to, s.exponent(), s.mantissa());
    }

    /** Pass 2 given the row's sum mantissa · 2^exponent. */
    static void normalise(float[] x, float[] y, int from, int to, double exponent, double mantissa) {
        if (mantissa != 0 && needsExactPath(exponent)) {
            HugeLogitSoftmax.normalise(x, y, from, to, new ExtendedSum(exponent, mantissa));
            return;
        }
        double inv = 1 / mantissa;
        for (int i = from; i < to; i++) {
            double n = exponentOf(x[i]);
            y[i] = (float) ExtendedSum.scale(mantissaOf(x[i], n) * inv, n - exponent);
        }
    }
}
