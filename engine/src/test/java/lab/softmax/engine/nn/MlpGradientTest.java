package lab.softmax.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float32 MLP's backward pass against finite differences of a plain float64 forward pass. */
class MlpGradientTest {
    private static final int P = 5;
    private static final int CLASSES = 5;

    private static SparseRows pairs() {
        int n = 12;
        int[] start = new int[n + 1];
        int[] index = new int[2 * n];
        for (int r = 0; r < n; r++) {
            index[2 * r] = (3 * r) % P;
            index[2 * r + 1] = P + (r * r + 1) % P;
            start[r + 1] = 2 * r + 2;
        }
        return new SparseRows(2 * P, start, index);
    }

    private static int label(int r) { return (r * 7 + 2) % CLASSES; }

    /** Mean softmax CE of a plain float64 MLP with the given parameters (torch layout). */
    private static double referenceLoss(List<Parameter> ps, boolean bias, SparseRows x) {
        int stride = bias ? 2 : 1;
        int layers = ps.size() / stride;
        double total = 0;
        for (int r = 0; r < x.rows(); r++) {
            double[] in = new double[x.dimension()];
            for (int t = x.start()[r]; t < x.start()[r + 1]; t++) in[x.index()[t]] = 1;
            double[] h = in;
            for (int l = 0; l < layers; l++) {
                Parameter w = ps.get(l * stride);
                double[] out = new double[w.rows()];
                for (int o = 0; o < w.rows(); o++) {
                    double s = bias ? ps.get(l * stride + 1).value()[o] : 0;
                    for (int i = 0; i < w.cols(); i++) s += w.value()[o * w.cols() + i] * h[i];
                    out[o] = l < layers - 1 ? Math.max(0, s) : s;
                }
                h = out;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : h) max = Math.max(max, v);
            double sum = 0;
            for (double v : h) sum += Math.exp(v - max);
            total += -(h[label(r)] - max - Math.log(sum));
        }
        return total / x.rows();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void backwardMatchesFiniteDifferences(boolean bias) {
        try (Workers team = Workers.of(2).open()) {
            backwardMatchesFiniteDifferences(bias, team);
        }
    }

    /** On an open 2-thread team, so the split loops are what is checked. */
    private void backwardMatchesFiniteDifferences(boolean bias, Workers team) {
        SparseRows x = pairs();
        Mlp mlp = new Mlp(2 * P, new int[] {6, 4}, CLASSES, bias, 99, team);
        Mlp.Workspace ws = mlp.workspace(x);
        mlp.forward(ws);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Precision.FP64);
        int stride = mlp.logitStride();
        for (int r = 0; r < x.rows(); r++) {
            double[] z = new double[CLASSES];
            double[] g = new double[CLASSES];
            for (int j = 0; j < CLASSES; j++) z[j] = ws.logits()[r * stride + j];
            ce.evaluate(z, CLASSES, label(r), x.rows(), g);
            for (int j = 0; j < CLASSES; j++) ws.logitGrad()[r * stride + j] = (float) g[j];
        }
        mlp.backward(ws);
        List<Parameter> ps = mlp.parameters();
        assertEquals(bias ? 6 : 3, ps.size());
        for (Parameter p : ps) {
            for (int i = 0; i < p.size(); i++) {
                double saved = p.value()[i];
                double h = 1e-6;
                p.value()[i] = saved + h;
                double up = referenceLoss(ps, bias, x);
                p.value()[i] = saved - h;
                double down = referenceLoss(ps, bias, x);
                p.value()[i] = saved;
                double fd = (up - down) / (2 * h);
                // float32 backward: each entry sums at most 12 rows x 6 units of float products, ~20 u = 1.2e-6
                // relative; entries that cancel to near 0 keep an absolute error of u times the terms (~1e-8).
                // The central difference of the float64 loss is good to ~1e-10. Measured: at most 0.15 of this.
                assertEquals(fd, p.grad()[i], 2e-8 + 2e-6 * Math.abs(fd), p.name() + "[" + i + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void forwardMatchesTheFloat64Reference(boolean bias) {
        SparseRows x = pairs();
        Mlp mlp = new Mlp(2 * P, new int[] {6, 4}, CLASSES, bias, 5, Workers.of(1));
        Mlp.Workspace ws = mlp.workspace(x);
        mlp.forward(ws);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(Precision.FP64);
        double total = 0;
        for (int r = 0; r < x.rows(); r++) {
            double[] z = new double[CLASSES];
            for (int j = 0; j < CLASSES; j++) z[j] = ws.logits()[r * mlp.logitStride() + j];
            total += ce.evaluate(z, CLASSES, label(r), 1, null);
        }
        assertEquals(referenceLoss(mlp.parameters(), bias, x), total / x.rows(), 1e-6);
    }
}
