package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;

/**
 * Selective Self-Attention (Zhang et al., "Selective Attention: Enhancing Transformer through
 * Principled Context Control", NeurIPS 2024, arXiv 2411.12892) as the Attention lab applies it.
 *
 * <p>Query temperature of row i (0-based): τ_i = 1 + s·ln(i+1) + tanh(f(q_i)), which multiplies the
 * whole logit row before the mask, as the official code's position term att·(1 + e^{−e^β}·ln(row))
 * with the 1-based row index. {@code u} gives the token term f = u·q_i or uᵀGELU(q_i)
 * ({@link TokenForm}); {@code uValue}, when present, gives each value row j the temperature
 * τ_v,j = 1 + tanh(f_v(q_j)) (same construction, its own vector; self-attention only).
 *
 * @param slope  s ≥ 0; the official parametrisation is s = e^{−e^β} ({@link #slopeFromBeta})
 * @param u      null (no token term), a vector of length d_h shared by all heads, or h·d_h (one per head)
 * @param form   how u meets the query
 * @param uValue null (no value temperature) or as {@code u}
 */
public record SsaConfig(double slope, double[] u, TokenForm form, double[] uValue) {
    public SsaConfig {
        if (!(slope >= 0) || !Double.isFinite(slope)) {
            throw new InputException("ssa slope", slope + " must be finite and >= 0");
        }
        if (form == null) throw new InputException("ssa form", "missing");
        u = checked(u, "ssa u");
        uValue = checked(uValue, "ssa uValue");
    }

    private static double[] checked(double[] v, String field) {
        if (v == null) return null;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new InputException(field + "[" + i + "]", v[i] + " is not finite");
        }
        return v.clone();
    }

    /** Plain attention: τ = 1. */
    public static SsaConfig off() { return new SsaConfig(0, null, TokenForm.LINEAR, null); }

    /** Only the position term with slope s. */
    public static SsaConfig position(double slope) { return new SsaConfig(slope, null, TokenForm.LINEAR, null); }

    /** s = e^{−e^β}, the official code's squashing of its learnable scalar β. */
    public static double slopeFromBeta(double beta) { return Math.exp(-Math.exp(beta)); }

    /** Inverse of {@link #slopeFromBeta} for 0 < s < 1. */
    public static double betaFromSlope(double slope) { return Math.log(-Math.log(slope)); }

    public boolean isOff() { return slope == 0 && u == null && uValue == null; }

    @Override
    public double[] u() { return u == null ? null : u.clone(); }

    @Override
    public double[] uValue() { return uValue == null ? null : uValue.clone(); }

    /** The token vector for head h of width dh, or null. */
    double[] uFor(double[] vector, int head, int heads, int dh, String field) {
        if (vector == null) return null;
        if (vector.length == dh) return vector;
        if (vector.length == heads * dh) return java.util.Arrays.copyOfRange(vector, head * dh, (head + 1) * dh);
        throw new InputException(field, "has " + vector.length + " entries; expected d_h = " + dh + " (shared) or h·d_h = " + heads * dh);
    }

    double[] rawU() { return u; }

    double[] rawUValue() { return uValue; }
}
