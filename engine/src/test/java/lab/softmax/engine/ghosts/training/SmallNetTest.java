package lab.softmax.engine.ghosts.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Backpropagation and the JVP against central finite differences (float64 references). */
class SmallNetTest {
    private static final Dataset.Split BLOBS = Blobs.generate(Blobs.SEPARATION);

    @Test
    void gradientsMatchFiniteDifferences() {
        for (SmallNet net : new SmallNet[] {SmallNet.linear(20, 10), SmallNet.mlp(20, 16, 10)}) {
            double[] theta = net.initialParameters(new PaperRandom(3));
            PaperRandom rng = new PaperRandom(4);
            for (int i = 0; i < theta.length; i++) theta[i] += 0.1 * rng.normal();
            int[] rows = {0, 5, 17, 123, 999, 1500};
            double[] grad = new double[theta.length];
            net.lossAndGradient(theta, BLOBS.train(), rows, grad);
            double[] scratch = new double[theta.length];
            for (int trial = 0; trial < 40; trial++) {
                int i = rng.index(theta.length);
                double h = 1e-6;
                double saved = theta[i];
                theta[i] = saved + h;
                double up = net.lossAndGradient(theta, BLOBS.train(), rows, scratch);
                theta[i] = saved - h;
                double down = net.lossAndGradient(theta, BLOBS.train(), rows, scratch);
                theta[i] = saved;
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, grad[i], 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + i);
            }
        }
    }

    @Test
    void slopesAreTheDirectionalDerivativesOfTheLogits() {
        SmallNet net = SmallNet.mlp(20, 32, 10);
        double[] theta = net.initialParameters(new PaperRandom(5));
        PaperRandom rng = new PaperRandom(6);
        double[] v = new double[theta.length];
        for (int i = 0; i < v.length; i++) v[i] = rng.normal();
        double[] z = new double[10];
        double[] a = new double[10];
        double h = 1e-6;
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int i = 0; i < theta.length; i++) {
            plus[i] += h * v[i];
            minus[i] -= h * v[i];
        }
        double best = 0;
        for (int s = 0; s < 50; s++) {
            double[] x = BLOBS.train().x()[s];
            net.logitsAndSlopes(theta, v, x, z, a);
            double[] zp = net.logits(plus, x);
            double[] zm = net.logits(minus, x);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                double numeric = (zp[c] - zm[c]) / (2 * h);
                assertEquals(numeric, a[c], 1e-5 * Math.max(1, Math.abs(numeric)), "sample " + s + " class " + c);
                lo = Math.min(lo, a[c]);
                hi = Math.max(hi, a[c]);
            }
            best = Math.max(best, hi - lo);
        }
        Dataset first50 = new Dataset(java.util.Arrays.copyOf(BLOBS.train().x(), 50),
                java.util.Arrays.copyOf(BLOBS.train().y(), 50), 10);
        assertEquals(best, net.maxSpread(theta, v, first50).deltaA(), 1e-12 * best);
    }

    @Test
    void splitMix64AndTheExperimentsUniformsFollowTheReferenceFormulas() {
        // Published first outputs of SplitMix64 seeded with 0.
        PaperRandom rng = new PaperRandom(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextBits());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextBits());
        PaperRandom again = new PaperRandom(0);
        assertEquals(((0xE220A8397B1DCDAFL >>> 11) + 1) * 0x1.0p-53, again.uniform());
        PaperRandom third = new PaperRandom(0);
        third.nextBits();
        third.nextBits();
        assertEquals(Long.remainderUnsigned(0x06C45D188009454FL, 1600), third.index(1600));
    }

    @Test
    void blobsHaveTheSpecifiedShapeAndInterleaving() {
        assertEquals(1600, BLOBS.train().size());
        assertEquals(400, BLOBS.test().size());
        assertEquals(20, BLOBS.train().features());
        for (int i = 0; i < 1600; i++) assertEquals(i % 10, BLOBS.train().y()[i]);
        for (int i = 0; i < 400; i++) assertEquals(i % 10, BLOBS.test().y()[i]);
        // The hard set shares the noise draws but has means half as far apart: a smaller between-class spread.
        Dataset.Split hard = Blobs.generate(Blobs.HARD_SEPARATION);
        assertTrue(meanDistance(hard.train()) < meanDistance(BLOBS.train()));
    }

    private static double meanDistance(Dataset d) {
        double[][] mean = new double[10][d.features()];
        for (int i = 0; i < d.size(); i++) for (int j = 0; j < d.features(); j++) mean[d.y()[i]][j] += d.x()[i][j] / (d.size() / 10.0);
        double s = 0;
        for (int c = 1; c < 10; c++) for (int j = 0; j < d.features(); j++) s += Math.pow(mean[c][j] - mean[0][j], 2);
        return s;
    }
}
