package lab.softmax.engine.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link OrthoGrad} does to one parameter tensor, reduced to the plane spanned by its weights w
 * and its raw gradient g. In that plane w lies on the x axis and g at angle theta with
 * cos theta = w.g / (|w| |g|), above the axis. The component of g along w is
 * g_par = (w.g / w.w) w = (|g| cos theta, 0), the rest is g_perp = g - g_par = (0, |g_perp|), and the
 * optimiser receives g_perp rescaled to the original norm, (0, |g|). Dot products are accumulated in
 * double in index order, as OrthoGrad does; |g_perp| is computed from g - g_par directly (not from
 * |g|^2 - (w.g)^2/w.w, which cancels when g is nearly parallel to w).
 *
 * @param name       the tensor's name, e.g. layer0.weight
 * @param weightNorm |w|
 * @param gradNorm   |g| of the raw gradient, before any projection
 * @param dot        w.g
 * @param perpNorm   |g - (w.g / (w.w + 1e-30)) w|, the norm OrthoGrad rescales from
 */
public record OrthoGradGeometry(String name, int rows, int cols, double weightNorm, double gradNorm, double dot,
                                double perpNorm) {
    private static final double TINY = 1e-30;

    /** One entry per parameter tensor, in the model's order, from the values and gradients as they are now. */
    public static List<OrthoGradGeometry> of(List<Parameter> parameters) {
        List<OrthoGradGeometry> out = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) out.add(of(p));
        return List.copyOf(out);
    }

    public static OrthoGradGeometry of(Parameter p) {
        double[] w = p.value();
        double[] g = p.grad();
        double ww = Parameter.dot(w, w);
        double wg = Parameter.dot(w, g);
        double gg = Parameter.dot(g, g);
        double proj = wg / (ww + TINY);
        double perpSq = 0;
        for (int i = 0; i < g.length; i++) {
            double o = g[i] - proj * w[i];
            perpSq += o * o;
        }
        return new OrthoGradGeometry(p.name(), p.rows(), p.cols(), Math.sqrt(ww), Math.sqrt(gg), wg, Math.sqrt(perpSq));
    }

    /** False when the weights or the gradient hold NaN or infinity (a diverged run): there is then no plane to draw. */
    public boolean isFinite() {
        return Double.isFinite(weightNorm) && Double.isFinite(gradNorm) && Double.isFinite(dot) && Double.isFinite(perpNorm);
    }

    /** cos theta between w and g (0 when either is zero). */
    public double cosine() {
        return weightNorm == 0 || gradNorm == 0 ? 0 : Math.max(-1, Math.min(1, dot / (weightNorm * gradNorm)));
    }

    /** theta in degrees, 0..180. */
    public double angleDegrees() { return Math.toDegrees(Math.acos(cosine())); }

    /** cos(-g, w): the NLM alignment of this tensor alone (positive when descent scales the weights up). */
    public double nlmCosine() { return -cosine(); }

    /** The signed length of g_par along w: w.g / |w|. */
    public double parallelComponent() { return weightNorm == 0 ? 0 : dot / weightNorm; }

    /** The factor OrthoGrad multiplies g_perp by: |g| / (|g_perp| + 1e-30). */
    public double rescale() { return gradNorm / (perpNorm + TINY); }

    /** The 2-D coordinates (x, y) of w, g, g_par, g_perp and the rescaled g_perp, in that order. */
    public double[][] coordinates() {
        return new double[][] {
                {weightNorm, 0},
                {parallelComponent(), perpNorm},
                {parallelComponent(), 0},
                {0, perpNorm},
                {0, perpNorm * rescale()}};
    }
}
