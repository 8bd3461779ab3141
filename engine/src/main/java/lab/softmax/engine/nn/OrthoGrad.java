package lab.softmax.engine.nn;

import java.util.List;
import lab.softmax.engine.numeric.Precision;

/**
 * ⊥Grad as in the official orthograd.py: for each parameter tensor separately, remove the
 * gradient's component along the weights and rescale the rest to the original gradient norm:
 * g_orth = g - (w.g / (w.w + 1e-30)) w; g = g_orth |g| / (|g_orth| + 1e-30). Dot products are
 * accumulated in double; the result is rounded to the model precision.
 */
public final class OrthoGrad {
    private static final double TINY = 1e-30;

    private OrthoGrad() { }

    public static void project(List<Parameter> parameters, Precision precision) {
        for (Parameter p : parameters) project(p, precision);
    }

    public static void project(Parameter p, Precision precision) {
        double[] w = p.value();
        double[] g = p.grad();
        double wg = Parameter.dot(w, g);
        double ww = Parameter.dot(w, w);
        double gNorm = Math.sqrt(Parameter.dot(g, g));
        double proj = wg / (ww + TINY);
        double orthSq = 0;
        for (int i = 0; i < g.length; i++) {
            double o = g[i] - proj * w[i];
            orthSq += o * o;
        }
        double scale = gNorm / (Math.sqrt(orthSq) + TINY);
        for (int i = 0; i < g.length; i++) {
            g[i] = Rounding.round(precision, (g[i] - proj * w[i]) * scale);
        }
    }
}
