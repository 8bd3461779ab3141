package lab.softmax.engine.nn;

import lab.softmax.engine.numeric.IndependentRounding;
import lab.softmax.engine.numeric.Precision;

/**
 * torch's softmax cross-entropy on a float32 logit row, written out in Java float arithmetic for the
 * tests (no engine code): out = (z - max) - ln sum exp(z - max), loss = -out_c,
 * grad = grad_out - exp(out) * sum(grad_out) with grad_out = -1/N at the target; the sum starts with
 * the maximal term. For fp16 and bf16 the logits and the stored out/grad are 16-bit values, computed
 * in float (torch's half tensors; fp16 by the JDK's conversion, bf16 by {@link IndependentRounding}); exp and log are taken in double and rounded to float. The Softmax Collapse
 * test of the official logger: terms exp(round(z_j - max)) rounded to the precision, added to 1 in
 * float32, the total rounded to the precision.
 */
public final class TorchCrossEntropy {
    private TorchCrossEntropy() { }

    private static float half(float x) { return Float.float16ToFloat(Float.floatToFloat16(x)); }

    private static float stored(float x, Precision p) {
        return switch (p) {
            case FP32 -> x;
            case FP16 -> half(x);
            case BF16 -> (float) IndependentRounding.bf16(x);
            case FP64 -> throw new IllegalArgumentException("this reference computes in float: fp16, bf16 and fp32 only");
        };
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
        return best;
    }

    /** log-softmax out_j as torch stores it. */
    public static float[] logSoftmax(float[] z, Precision p) {
        float[] o = new float[z.length];
        for (int j = 0; j < z.length; j++) o[j] = stored(z[j], p);
        int top = argmax(o);
        float max = o[top];
        for (int j = 0; j < o.length; j++) o[j] = o[j] - max;
        float sum = (float) Math.exp(o[top]);
        for (int j = 0; j < o.length; j++) if (j != top) sum += (float) Math.exp(o[j]);
        float lse = (float) Math.log(sum);
        for (int j = 0; j < o.length; j++) o[j] = stored(o[j] - lse, p);
        return o;
    }

    public static float loss(float[] z, int target, Precision p) {
        return -logSoftmax(z, p)[target];
    }

    /** dL/dz of this row for a mean over n rows. */
    public static double[] gradient(float[] z, int target, int n, Precision p) {
        float[] out = logSoftmax(z, p);
        float gradOut = stored((float) (-1.0 / n), p);
        double[] g = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            float term = (float) Math.exp(out[j]) * gradOut;
            g[j] = stored(j == target ? gradOut - term : -term, p);
        }
        return g;
    }

    /** Sum of exp(z_j - max) as the SC test adds it: exactly 1 when the row has collapsed. */
    public static float sumExpForCollapse(float[] z, Precision p) {
        float[] v = new float[z.length];
        for (int j = 0; j < z.length; j++) v[j] = stored(z[j], p);
        int top = argmax(v);
        float sum = 1f;
        for (int j = 0; j < v.length; j++) {
            if (j == top) continue;
            float off = stored(v[j] - v[top], p);
            sum += stored((float) Math.exp(off), p);
        }
        return stored(sum, p);
    }
}
