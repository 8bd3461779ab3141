package lab.softmax.engine.kernels;

/**
 * Constants of the magic-bias exp (the rr2-p5 exp of the XNNPACK microkernels, github.com/google/XNNPACK,
 * as used by Dukhan & Ablavatski, arXiv 2001.04438): n = round(x·log2 e)
 * via a bias whose low mantissa bits hold n + 127, one- or two-step Cody–Waite reduction, and a degree-5
 * minimax polynomial on [−ln2/2, ln2/2].
 */
final class ExpConstants {
    static final float LOG2E = 0x1.715476p+0f;
    /** 1.5·2^23 + 127: after adding it, the low mantissa bits of a float hold n + 127. */
    static final float EXP_MAGIC = 0x1.8000FEp23f;
    /** 1.5·2^23: adding and subtracting it rounds a float of magnitude < 2^22 to an integer. */
    static final float ROUND_MAGIC = 0x1.8p23f;
    /** −ln 2 rounded to fp32: the one-constant reduction of the three-pass and online exps (error n·2e-9, common to sum and outputs). */
    static final float MINUS_LN2 = -0x1.62E430p-1f;
    /** −ln 2 in two pieces (the hi part has trailing zeros, so n·hi is exact for |n| < 512): two-pass, whose exponents are absolute. */
    static final float MINUS_LN2_HI = -0x1.62E400p-1f;
    static final float MINUS_LN2_LO = -0x1.7F7D1Cp-20f;
    static final float C5 = 0x1.0F9F9Cp-7f;
    static final float C4 = 0x1.573A1Ap-5f;
    static final float C3 = 0x1.555A80p-3f;
    static final float C2 = 0x1.FFFDC6p-2f;
    static final float C1 = 0x1.FFFFF6p-1f;
    /** ln(2^-126): below this exp(x − max) is no longer a normal float and the output is flushed to 0. */
    static final float CUTOFF = -0x1.5D589Ep6f;
    /** Two-pass maps logits below this to it, so that x·log2 e stays finite. */
    static final float TWO_PASS_LOWEST = -0x1p127f;
    /** Magnitudes of x·log2 e from which a float is already an integer (and the bias cannot round it). */
    static final float ROUND_LIMIT = 0x1p22f;

    /**
     * Bits of EXP_MAGIC − 127: an integer max of a biased exponent's bits with this sends every 2^d with
     * d ≤ −127 (and −∞, NaN) to exactly +0 after the shift by 23 (positive floats order like their bits).
     */
    static final int MIN_POW2_BITS = Float.floatToRawIntBits(EXP_MAGIC - 127f);
    /**
     * Bits of −2^48: an unsigned integer min with these maps −∞ and every float ≤ −2^48 to −2^48 and leaves
     * positive floats and smaller negative ones alone, so the vector exps meet no −∞ (whose reduction is NaN);
     * at −2^48 the reduced argument is meaningless but small enough (|t| ≲ 2e7) that the polynomial stays finite.
     */
    static final int LOWEST_BITS = Float.floatToRawIntBits(-0x1p48f);

    private ExpConstants() { }
}
