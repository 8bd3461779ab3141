package lab.softmax.engine.attention;

import java.util.function.IntPredicate;

/**
 * A row's metrics over its visible keys, in double over the weights as computed: entropy −Σ a ln a
 * (0 ln 0 = 0), entropy / ln n_visible (0 when at most one key is visible), the largest weight and the
 * count of visible keys whose weight is exactly 0. A NaN weight makes entropy and max NaN.
 */
record RowMetrics(double entropy, double entropyOverLogN, double max, int zeros) {
    static RowMetrics of(double[] w, IntPredicate hidden, int visible) {
        double entropyNats = 0;
        double max = 0;
        int zeroCount = 0;
        for (int j = 0; j < w.length; j++) {
            if (hidden.test(j)) continue;
            double wj = w[j];
            if (Double.isNaN(wj)) {
                entropyNats = Double.NaN;
                max = Double.NaN;
            } else {
                if (wj > 0) entropyNats -= wj * Math.log(wj);
                if (wj > max) max = wj;
                if (wj == 0) zeroCount++;
            }
        }
        double overLogN = visible <= 1 ? (Double.isNaN(entropyNats) ? Double.NaN : 0) : entropyNats / Math.log(visible);
        return new RowMetrics(entropyNats, overLogN, max, zeroCount);
    }
}
