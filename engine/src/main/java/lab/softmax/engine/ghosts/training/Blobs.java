package lab.softmax.engine.ghosts.training;

/**
 * Gaussian blobs, the portable data set of the Ghosts lab (docs/labs/ghosts.md): C = 10 classes in D = 20 dimensions, 200 per class, class
 * means separation·N(0,1) drawn class-major, samples drawn interleaved (for i, for c) with noise
 * 1.0·N(0,1); the first 80 % are the training set. Seed 2026. Separation 1.6 is nearly separable (loss
 * blow-up, not accuracy collapse); 0.8 is the harder set on which accuracy collapses as well.
 */
public final class Blobs {
    public static final long SEED = 2026;
    public static final double SEPARATION = 1.6;
    public static final double HARD_SEPARATION = 0.8;
    public static final int CLASSES = 10;
    public static final int DIMENSIONS = 20;
    public static final int PER_CLASS = 200;

    private Blobs() { }

    public static Dataset.Split generate(double separation) {
        PaperRandom rng = new PaperRandom(SEED);
        double[][] means = new double[CLASSES][DIMENSIONS];
        for (int c = 0; c < CLASSES; c++) {
            for (int d = 0; d < DIMENSIONS; d++) means[c][d] = separation * rng.normal();
        }
        int n = CLASSES * PER_CLASS;
        double[][] x = new double[n][];
        int[] y = new int[n];
        int row = 0;
        for (int i = 0; i < PER_CLASS; i++) {
            for (int c = 0; c < CLASSES; c++) {
                double[] v = new double[DIMENSIONS];
                for (int d = 0; d < DIMENSIONS; d++) v[d] = means[c][d] + 1.0 * rng.normal();
                x[row] = v;
                y[row++] = c;
            }
        }
        int train = n * 4 / 5;
        return new Dataset.Split(slice(x, y, 0, train), slice(x, y, train, n));
    }

    private static Dataset slice(double[][] x, int[] y, int from, int to) {
        return new Dataset(java.util.Arrays.copyOfRange(x, from, to), java.util.Arrays.copyOfRange(y, from, to), CLASSES);
    }
}
