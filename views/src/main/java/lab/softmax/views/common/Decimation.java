package lab.softmax.views.common;

import org.jfree.data.xy.XYSeries;

/**
 * Keeps a live chart series small: a run left going for an hour would otherwise grow its series, the memory
 * it holds and the time each redraw takes, without bound. Once a series holds more than {@link #CAP} points it
 * is thinned to {@link #BUCKETS} equal slices of its x range (of log x on a log axis), each keeping its lowest
 * and highest point (a loss spike stays visible) and its first gap (NaN), plus the series' first and last
 * point; it then grows again until the next thinning, so the work per appended point stays constant.
 */
public final class Decimation {
    /** Most points a series holds before it is thinned. */
    public static final int CAP = 4000;
    /** Slices of the x range a thinned series keeps (at most three points each). */
    static final int BUCKETS = 1000;

    private Decimation() { }

    /**
     * Thins the series if it holds more than {@link #CAP} points (its x values ascending) and then tells its
     * listeners; returns whether it did.
     *
     * @param logX slice log10(x) instead of x (points with x ≤ 0 go to the first slice)
     */
    public static boolean thin(XYSeries s, boolean logX) {
        int n = s.getItemCount();
        if (n <= CAP) return false;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.getX(i).doubleValue();
            Number v = s.getY(i);
            y[i] = v == null ? Double.NaN : v.doubleValue();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            double p = position(v, logX);
            if (Double.isFinite(p)) {
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
        }
        double span = hi - lo;
        int[] low = filled(-1);
        int[] high = filled(-1);
        int[] gap = filled(-1);
        for (int i = 0; i < n; i++) {
            double p = position(x[i], logX);
            int b = span > 0 && Double.isFinite(p) ? (int) Math.min(BUCKETS - 1, Math.max(0, (p - lo) / span * BUCKETS)) : 0;
            if (Double.isNaN(y[i])) {
                if (gap[b] < 0) gap[b] = i;
            } else {
                if (low[b] < 0 || y[i] < y[low[b]]) low[b] = i;
                if (high[b] < 0 || y[i] > y[high[b]]) high[b] = i;
            }
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        for (int b = 0; b < BUCKETS; b++) {
            if (low[b] >= 0) keep[low[b]] = true;
            if (high[b] >= 0) keep[high[b]] = true;
            if (gap[b] >= 0) keep[gap[b]] = true;
        }
        s.setNotify(false);
        s.clear();
        for (int i = 0; i < n; i++) {
            if (keep[i]) s.add(x[i], y[i], false);
        }
        s.setNotify(true);   // one change event for the whole rebuild
        return true;
    }

    private static double position(double x, boolean logX) {
        return logX ? (x > 0 ? Math.log10(x) : Double.NEGATIVE_INFINITY) : x;
    }

    private static int[] filled(int v) {
        int[] a = new int[BUCKETS];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
