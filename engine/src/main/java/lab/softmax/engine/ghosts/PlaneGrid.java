package lab.softmax.engine.ghosts;

import lab.softmax.engine.task.Cancellation;

/**
 * F sampled on a grid of the complex t-plane for a picture: per cell the cancellation depth
 * log10(|F| / Σ_k |e^{z_k + a_k t}|) (0 where nothing cancels, −∞ at a zero; independent of how
 * fast |F| grows along Re t) and the phase arg F. Rows run from yMin (row 0) to yMax.
 */
public record PlaneGrid(int columns, int rows, double xMin, double xMax, double yMin, double yMax,
                        double[] cancellationLog10, double[] phase) {

    /**
     * Each term e^{w_k + b_k(x + iy)} factors into a real part that depends on the column and a
     * phase that depends on the row, so the grid costs K·(columns + rows) transcendental calls and
     * K·columns·rows multiply-adds: fast enough to redraw while a bar is dragged.
     */
    public static PlaneGrid sample(ExponentialSum f, double xMin, double xMax, double yMin, double yMax,
                                   int columns, int rows, Cancellation cancellation) {
        if (columns < 2 || rows < 2) throw new IllegalArgumentException("grid: need at least 2x2 cells");
        double[] w = f.logWeights();
        double[] b = f.slopes();
        int k = b.length;
        double[] xs = new double[columns];
        double[] ys = new double[rows];
        for (int c = 0; c < columns; c++) xs[c] = xMin + (xMax - xMin) * (c + 0.5) / columns;
        for (int r = 0; r < rows; r++) ys[r] = yMin + (yMax - yMin) * (r + 0.5) / rows;
        // Moduli per column, scaled by the column's largest term (never overflows), and their sum.
        double[][] modulus = new double[columns][k];
        double[] moduliSum = new double[columns];
        for (int c = 0; c < columns; c++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) m = Math.max(m, w[j] + b[j] * xs[c]);
            for (int j = 0; j < k; j++) {
                modulus[c][j] = Math.exp(w[j] + b[j] * xs[c] - m);
                moduliSum[c] += modulus[c][j];
            }
        }
        double[] depth = new double[columns * rows];
        double[] phase = new double[columns * rows];
        double[] cos = new double[k];
        double[] sin = new double[k];
        for (int r = 0; r < rows; r++) {
            cancellation.throwIfCancelled();
            for (int j = 0; j < k; j++) {
                cos[j] = Math.cos(b[j] * ys[r]);
                sin[j] = Math.sin(b[j] * ys[r]);
            }
            for (int c = 0; c < columns; c++) {
                double re = 0;
                double im = 0;
                double[] mod = modulus[c];
                for (int j = 0; j < k; j++) {
                    re += mod[j] * cos[j];
                    im += mod[j] * sin[j];
                }
                int i = r * columns + c;
                depth[i] = Math.log10(Math.hypot(re, im) / moduliSum[c]);
                // arg F = arg G + c·y: put back the phase of the factor the slope centring removed.
                phase[i] = Math.IEEEremainder(Math.atan2(im, re) + f.slopeCentre() * ys[r], 2 * Math.PI);
            }
        }
        return new PlaneGrid(columns, rows, xMin, xMax, yMin, yMax, depth, phase);
    }
}
