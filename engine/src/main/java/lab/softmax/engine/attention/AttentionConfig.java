package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import lab.softmax.engine.kernels.Algorithm;
import lab.softmax.engine.numeric.Precision;

/**
 * How {@link Attention#compute} turns Q, K, V into weights and outputs.
 *
 * @param temperature     T > 0: row i is normalised from τ_i·g_i/T
 * @param mask            which keys each query sees
 * @param validKeys       for {@link MaskKind#PADDING}: keys 0..validKeys-1 are visible (ignored otherwise)
 * @param normalizer      per-row normaliser
 * @param lengthScale     s of {@link AttentionNormalizer#LENGTH_SCALED_SOFTMAX} (logits × s·ln n_visible)
 * @param precision       fp64 (the reference), fp32 (softmax rows through the Kernels lab's vector kernel)
 *                        or fp16/bf16 (every operation rounded, as in the Distributions lab)
 * @param fp32Algorithm   the kernel for fp32 softmax rows: two-pass or online
 * @param subtractMax     max shift before exp; off, exp overflows as it would (fp32 then leaves the kernel,
 *                        whose algorithms cannot switch the shift off)
 * @param ssa             Selective Attention's temperatures ({@link SsaConfig#off()} for vanilla)
 * @param markedKey       key whose weight each row reports (-1: none)
 */
public record AttentionConfig(double temperature, MaskKind mask, int validKeys, AttentionNormalizer normalizer,
                              double lengthScale, Precision precision, Algorithm fp32Algorithm, boolean subtractMax,
                              SsaConfig ssa, int markedKey) {
    public AttentionConfig {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException("temperature", temperature + " must be finite and > 0");
        }
        if (mask == null) throw new InputException("mask", "missing");
        if (mask == MaskKind.PADDING && validKeys < 0) {
            throw new InputException("validKeys", validKeys + " must be >= 0");
        }
        if (normalizer == null) throw new InputException("normalizer", "missing");
        if (!(lengthScale > 0) || !Double.isFinite(lengthScale)) {
            throw new InputException("lengthScale", lengthScale + " must be finite and > 0");
        }
        if (precision == null) throw new InputException("precision", "missing");
        if (fp32Algorithm != Algorithm.TWO_PASS && fp32Algorithm != Algorithm.ONLINE) {
            throw new InputException("fp32Algorithm", fp32Algorithm + " (expected two-pass or online)");
        }
        if (ssa == null) throw new InputException("ssa", "missing");
        if (markedKey < -1) throw new InputException("markedKey", markedKey + " must be >= -1");
    }

    /** T = 1, full mask, softmax in fp64, no SSA. */
    public static AttentionConfig defaults() {
        return new AttentionConfig(1.0, MaskKind.FULL, 0, AttentionNormalizer.SOFTMAX, 1.0, Precision.FP64,
                Algorithm.TWO_PASS, true, SsaConfig.off(), -1);
    }

    public AttentionConfig withTemperature(double t) {
        return new AttentionConfig(t, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, ssa, markedKey);
    }

    public AttentionConfig withMask(MaskKind m, int valid) {
        return new AttentionConfig(temperature, m, valid, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, ssa, markedKey);
    }

    public AttentionConfig withNormalizer(AttentionNormalizer n) {
        return new AttentionConfig(temperature, mask, validKeys, n, lengthScale, precision, fp32Algorithm, subtractMax, ssa, markedKey);
    }

    public AttentionConfig withLengthScale(double s) {
        return new AttentionConfig(temperature, mask, validKeys, normalizer, s, precision, fp32Algorithm, subtractMax, ssa, markedKey);
    }

    public AttentionConfig withPrecision(Precision p) {
        return new AttentionConfig(temperature, mask, validKeys, normalizer, lengthScale, p, fp32Algorithm, subtractMax, ssa, markedKey);
    }

    public AttentionConfig withAlgorithm(Algorithm a) {
        return new AttentionConfig(temperature, mask, validKeys, normalizer, lengthScale, precision, a, subtractMax, ssa, markedKey);
    }

    public AttentionConfig withSubtractMax(boolean on) {
        return new AttentionConfig(temperature, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, on, ssa, markedKey);
    }

    public AttentionConfig withSsa(SsaConfig s) {
        return new AttentionConfig(temperature, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, s, markedKey);
    }

    public AttentionConfig withMarkedKey(int key) {
        return new AttentionConfig(temperature, mask, validKeys, normalizer, lengthScale, precision, fp32Algorithm, subtractMax, ssa, key);
    }
}
