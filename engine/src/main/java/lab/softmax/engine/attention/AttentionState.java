package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;

/**
 * The Attention lab's whole state: what a scenario file holds and the view restores.
 *
 * @param contextLength n of the generated map (tokens; queries and keys)
 * @param heads         heads of the generated map
 * @param headDim       d_h of the generated map
 * @param head          the head shown
 * @param ssaSlope      s of SSA's position term τ_pos = 1 + s·ln(i+1)
 * @param ssaToken      u of SSA's token term (length d_h, shared by the heads); empty for none
 * @param markedKey     the key whose weight the metrics follow (-1: none)
 * @param preset        the needle task's preset
 * @param steps         training steps of the needle task
 */
public record AttentionState(double temperature, MaskKind mask, int validKeys, AttentionNormalizer normalizer,
                             double lengthScale, Precision precision, Algorithm fp32Algorithm, boolean subtractMax,
                             double ssaSlope, double[] ssaToken, TokenForm tokenForm, int contextLength, int heads,
                             int headDim, int head, int markedKey, long seed, NeedlePreset preset, int steps) {
    public static final ScenarioType<AttentionState> TYPE = new ScenarioType<>("attention", 1, AttentionState.class);
    public static final double MIN_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 100;
    public static final double MAX_SLOPE = 10;
    public static final int MAX_CONTEXT = 4096;
    public static final int MAX_HEADS = 16;
    public static final int MAX_HEAD_DIM = 256;
    public static final int MAX_STEPS = 100_000;

    public AttentionState {
        if (!(temperature >= MIN_TEMPERATURE && temperature <= MAX_TEMPERATURE)) {
            throw new InputException("temperature", temperature + " is outside " + MIN_TEMPERATURE + ".." + MAX_TEMPERATURE);
        }
        if (mask == null) throw new InputException("mask", "missing");
        if (mask == MaskKind.PATTERN) throw new InputException("mask", "pattern needs an input file; choose full, causal or padding");
        if (normalizer == null) throw new InputException("normalizer", "missing");
        if (!(lengthScale > 0 && lengthScale <= 100)) throw new InputException("lengthScale", lengthScale + " is outside (0, 100]");
        if (precision == null) throw new InputException("precision", "missing");
        if (fp32Algorithm != Algorithm.TWO_PASS && fp32Algorithm != Algorithm.ONLINE) {
            throw new InputException("fp32Algorithm", fp32Algorithm + " (expected two-pass or online)");
        }
        if (!(ssaSlope >= 0 && ssaSlope <= MAX_SLOPE)) throw new InputException("ssaSlope", ssaSlope + " is outside 0.." + MAX_SLOPE);
        if (ssaToken == null) throw new InputException("ssaToken", "missing (use [] for none)");
        if (tokenForm == null) throw new InputException("tokenForm", "missing");
        range(contextLength, 1, MAX_CONTEXT, "contextLength");
        range(heads, 1, MAX_HEADS, "heads");
        range(headDim, 1, MAX_HEAD_DIM, "headDim");
        range(head, 0, heads - 1, "head");
        range(validKeys, 0, contextLength, "validKeys");
        range(markedKey, -1, contextLength - 1, "markedKey");
        if (ssaToken.length != 0 && ssaToken.length != headDim) {
            throw new InputException("ssaToken", ssaToken.length + " entries; expected 0 or headDim = " + headDim);
        }
        for (int i = 0; i < ssaToken.length; i++) {
            if (!Double.isFinite(ssaToken[i])) throw new InputException("ssaToken[" + i + "]", ssaToken[i] + " is not finite");
        }
        if (preset == null) throw new InputException("preset", "missing");
        range(steps, 1, MAX_STEPS, "steps");
        ssaToken = ssaToken.clone();
    }

    private static void range(int v, int lo, int hi, String field) {
        if (v < lo || v > hi) throw new InputException(field, v + " is outside " + lo + ".." + hi);
    }

    public static AttentionState defaults() {
        return new AttentionState(1.0, MaskKind.CAUSAL, 64, AttentionNormalizer.SOFTMAX, 1.0, Precision.FP32, Algorithm.TWO_PASS,
                true, 0.0, new double[0], TokenForm.LINEAR, 64, 2, 16, 0, -1, 1, NeedlePreset.DEFAULT, 1500);
    }

    @Override
    public double[] ssaToken() { return ssaToken.clone(); }

    /** The map's configuration for these controls. */
    public AttentionConfig config() {
        SsaConfig ssa = new SsaConfig(ssaSlope, ssaToken.length == 0 ? null : ssaToken, tokenForm, null);
        return new AttentionConfig(temperature, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax,
                ssa, markedKey);
    }

    /** The needle task's configuration: the preset with this seed and step count. */
    public NeedleConfig needleConfig() { return preset.config(seed).withSteps(steps); }

    /** The generated input of the map: X ~ N(0, I) tokens of width heads·headDim, Q = K = V = X (self-attention), seeded. */
    public AttentionInput generatedInput() {
        NeedleExample.Gaussians g = new NeedleExample.Gaussians(new SplitMix64(seed));
        int width = heads * headDim;
        double[][] q = new double[contextLength][width];
        double[][] k = new double[contextLength][width];
        double[][] v = new double[contextLength][width];
        for (double[][] a : new double[][][] {q, k, v}) {
            for (double[] row : a) {
                for (int c = 0; c < width; c++) row[c] = g.next();
            }
        }
        return new AttentionInput("generated", q, k, v, heads, null);
    }

    public AttentionState withTemperature(double t) {
        return new AttentionState(t, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, ssaSlope,
                ssaToken, tokenForm, contextLength, heads, headDim, head, markedKey, seed, preset, steps);
    }

    public AttentionState withPrecision(Precision p) {
        return new AttentionState(temperature, mask, validKeys, normalizer, lengthScale, p, fp32Algorithm, subtractMax, ssaSlope,
                ssaToken, tokenForm, contextLength, heads, headDim, head, markedKey, seed, preset, steps);
    }

    public AttentionState withSsa(double slope, double[] token) {
        return new AttentionState(temperature, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, slope,
                token, tokenForm, contextLength, heads, headDim, head, markedKey, seed, preset, steps);
    }

    public AttentionState withNormalizer(AttentionNormalizer n) {
        return new AttentionState(temperature, mask, validKeys, n, lengthScale, precision, fp32Algorithm, subtractMax, ssaSlope,
                ssaToken, tokenForm, contextLength, heads, headDim, head, markedKey, seed, preset, steps);
    }

    public AttentionState withMask(MaskKind m, int valid) {
        return new AttentionState(temperature, m, valid, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, ssaSlope,
                ssaToken, tokenForm, contextLength, heads, headDim, head, markedKey, seed, preset, steps);
    }

    public AttentionState withPreset(NeedlePreset p, int s) {
        return new AttentionState(temperature, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, ssaSlope,
                ssaToken, tokenForm, contextLength, heads, headDim, head, markedKey, seed, p, s);
    }
}
