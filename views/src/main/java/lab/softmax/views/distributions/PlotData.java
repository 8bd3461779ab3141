package lab.softmax.views.distributions;

import java.util.Arrays;
import java.util.List;
import lab.softmax.engine.distributions.NormalizationResult;
import lab.softmax.engine.numeric.Sorting;
import lab.softmax.engine.task.Cancellation;

/**
 * What the Distributions charts draw, prepared off the FX thread: small vectors are drawn by
 * index; long ones (more than {@link #MAX_BARS}) as probabilities sorted by rank on log-spaced
 * ranks, so a 10^7 vector becomes a few thousand points. The sorts this takes can be cancelled.
 */
record PlotData(boolean byIndex, double[] logitX, double[] logitY, List<Series> probabilities) {
    static final int MAX_BARS = 64;
    static final int MAX_POINTS = 2000;

    record Series(NormalizationResult result, double[] x, double[] y, double[] referenceY) { }

    static PlotData of(double[] logits, List<NormalizationResult> results) {
        return of(logits, results, Cancellation.none());
    }

    static PlotData of(double[] logits, List<NormalizationResult> results, Cancellation cancellation) {
        boolean byIndex = logits.length <= MAX_BARS;
        int[] picks = byIndex ? allIndices(logits.length) : logSpacedRanks(logits.length);
        double[] lx = new double[picks.length];
        double[] ly = new double[picks.length];
        double[] sortedLogits = byIndex ? logits : descending(logits, cancellation);
        for (int i = 0; i < picks.length; i++) {
            lx[i] = byIndex ? picks[i] : picks[i] + 1;
            ly[i] = sortedLogits[picks[i]];
        }
        List<Series> series = results.stream().map(r -> {
            double[] p = byIndex ? r.probabilities() : descending(r.probabilities(), cancellation);
            double[] ref = byIndex ? r.reference() : descending(r.reference(), cancellation);
            double[] y = new double[picks.length];
            double[] refY = new double[picks.length];
            for (int i = 0; i < picks.length; i++) {
                y[i] = p[picks[i]];
                refY[i] = ref[picks[i]];
            }
            return new Series(r, lx, y, refY);
        }).toList();
        return new PlotData(byIndex, lx, ly, series);
    }

    private static int[] allIndices(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }

    /** Ranks 0..n-1 thinned to at most MAX_POINTS, dense at the head and log-spaced in the tail. */
    static int[] logSpacedRanks(int n) {
        if (n <= MAX_POINTS) return allIndices(n);
        int[] out = new int[MAX_POINTS];
        int count = 0;
        int last = -1;
        for (int i = 0; i < MAX_POINTS; i++) {
            int r = (int) Math.round(Math.pow(n, (double) i / (MAX_POINTS - 1))) - 1;
            r = Math.min(n - 1, Math.max(r, last + 1));
            if (r > n - 1) break;
            out[count++] = r;
            last = r;
            if (r == n - 1) break;
        }
        return Arrays.copyOf(out, count);
    }

    /** Sorted descending (NaN, if any, come first). */
    private static double[] descending(double[] v, Cancellation cancellation) {
        double[] s = v.clone();
        Sorting.descending(s, cancellation);
        return s;
    }
}
