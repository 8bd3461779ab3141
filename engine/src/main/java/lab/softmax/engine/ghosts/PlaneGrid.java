package lab.softmax.engine.ghosts;

import lab.softmax.engine.task.Cancellation;

/**
 * F sampled on a grid of the complex t-plane for a picture: per cell the cancellation depth
 * log10(|F| / Σ_k |e^{z_k + a_k t}|) (0 where nothing cancels, −∞ at a zero; independent of how
 * fast |F| grows along Re t) and the phase arg F. Rows run from yMin (row 0) to yMax.
 */
public record PlaneGrid(int columns, int rows, double xMin, double xMax, double yMin, double yMax,
                        double[] cancellationLog10, double[] phase) {

    public static PlaneGrid sample(ExponentialSum f, double xMin, double xMax, double yMin, double yMax,
                                   int columns, int rows, Cancellation cancellation) {
        if (columns < 2 || rows < 2) throw new IllegalArgumentException("grid: need at least 2x2 cells");
        double[] depth = new double[columns * rows];
        double[] phase = new double[columns * rows];
        for (int r = 0; r < rows; r++) {
            cancellation.throwIfCancelled();
            double y = yMin + (yMax - yMin) * (r + 0.5) / rows;
            for (int c = 0; c < columns; c++) {
                double x = xMin + (xMax - xMin) * (c + 0.5) / columns;
                ExponentialSum.ScaledValue v = f.evaluate(x, y);
                depth[r * columns + c] = Math.log10(v.relativeModulus());
                // arg F = arg G + c·y: put back the phase of the factor the slope centring removed.
                phase[r * columns + c] = Math.IEEEremainder(Math.atan2(v.im(), v.re()) + f.slopeCentre() * y, 2 * Math.PI);
            }
        }
        return new PlaneGrid(columns, rows, xMin, xMax, yMin, yMax, depth, phase);
    }
}
