package lab.softmax.engine.kernels;

/**
 * How the three-pass and online kernels evaluate exp(x − m) without rounding x − m to fp32
 * (which would cost up to 2e-6 relative accuracy in the output pass):
 * subtract a reference r for which x − r is exact for every entry that matters, and fold the rest
 * of the shift into the exponent as an exact power of two 2^-k.
 * <ul>
 * <li>|m| ≥ 174: r = m. Every x within 87.5 of m lies in [m/2, 2m], so x − m is exact (Sterbenz).</li>
 * <li>otherwise r = 0 and k = round(m·log2 e); |x| ≤ 262 for every entry that matters, so |n| ≤ 378 and the
 *     one-constant Cody–Waite error n·(ln2_f − ln2) stays ≤ 7e-7, of which only |n_i − n_max|·2e-9 ≤ 3e-7
 *     survives normalisation (the sum and the outputs share it).</li>
 * </ul>
 * The kernel then computes f = exp(x − r)·2^-k = exp(x − m)·factor, factor = exp(m − r − k·ln 2) ∈ [0.7, 1.42].
 *
 * <p>Mutable so that a row's shift can live in a {@link RowScratch} and the row API allocates nothing;
 * {@link #of} gives a fresh one for the chunked API.
 */
final class ExpShift {
    /** Subtracted from x. */
    private float r;
    /** Where x − r is below this, exp(x − m) &lt; 2^-126 and the scalar tail gives 0 (the vector loops flush the
     *  same lanes, n − k ≤ −127, by an integer max on the biased exponent). */
    private float cutoff;
    /** The exp bias with −k folded in. */
    private float magic;
    /** exp(m − r − k·ln 2), in double. */
    private double factor;

    static ExpShift of(float max) { return new ExpShift().set(max); }

    /** Makes this the shift for a row maximum of {@code max}. */
    ExpShift set(float max) {
        r = Math.abs(max) >= 174f ? max : 0f;
        float dm = max - r;
        int k = Math.round(dm * ExpConstants.LOG2E);
        cutoff = dm + ExpConstants.CUTOFF;
        magic = ExpConstants.EXP_MAGIC - k;
        factor = Math.exp(dm - k * Math.log(2));
        return this;
    }

    float r() { return r; }

    float magic() { return magic; }

    double factor() { return factor; }

    /** The scalar twin of the vector kernels' inline exp, for loop tails: exp(x − m)·factor. */
    float exp(float x) {
        float d = x - r;
        float biased = Math.fma(d, ExpConstants.LOG2E, magic);
        float s = Float.intBitsToFloat(Float.floatToRawIntBits(biased) << 23);
        float n = biased - magic;
        float t = Math.fma(n, ExpConstants.MINUS_LN2, d);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(ExpConstants.C5, t, ExpConstants.C4), t, ExpConstants.C3),
                t, ExpConstants.C2), t, ExpConstants.C1), t, 1f);
        float f = p * s;
        return d < cutoff ? 0f : f;
    }
}
