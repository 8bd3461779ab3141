package lab.softmax.engine.distributions;

/**
 * A first-order rounding-error bound for sparsemax and 1.5-entmax as the engine computes them in a
 * precision of unit roundoff u (every operation rounded once), derived from the exact solution: a
 * bound an ordinary mistake breaks, where |p - ref| <= 4u(x + 2)(k + 3) allowed 0.2 to 0.7 on a bf16
 * probability. Built from the reference's support S (k entries), its threshold tau and its logits:
 *
 * <ul>
 *   <li>Inputs: x_i = round(z_i / T) is off by at most c u |x_i| (c = 1 at T = 1, 2 otherwise).
 *   Sparsemax moves each p_i by at most |dx_i| + |dtau| <= 2 max_S |dx|. For entmax,
 *   dp_i = 2 a_i (dy_i - dtau), a_i = sqrt(p_i), y = x/2, |dtau| <= max |dy|: a shift of y - tau by at
 *   most max_S |dx|.</li>
 *   <li>Sparsemax: y_j = x_j - max lies in [-1, 0] on S (p = y - tau <= 1). Summing k of them loses
 *   at most u (k-1) |sum y|; then (sum - 1)/k and the final y_i - tau add u |sum - 1|/k, u |tau|,
 *   u |y_i| and u p_i.</li>
 *   <li>Entmax: tau = mean - sqrt(delta), delta = (1 - k var)/k, var = meanSq - mean^2 with y in [-1, 0]
 *   on S. mean and meanSq are off by (k+1) u times their size, mean^2 by (2k+3) u mean^2, and the
 *   three operations forming delta by 3u (delta + var). sqrt divides delta's error by
 *   2 sqrt(delta) = 2 mean_S(a) (from sum_S (y - tau)^2 = 1), so
 *   |dtau| <= err(mean) + err(delta)/(2 mean(a)) + u (mean(a) + |tau|). With d = |dtau| + u|y_i| +
 *   the input shift: |dp_i| <= 2 a_i d + d^2 + u p_i.</li>
 * </ul>
 * Second-order terms are covered by a factor 1.5. On the test vectors the measured error is at most
 * 0.12 of this bound (fp32/fp16/bf16), where the old bound was 3 to 15 times this one.
 */
final class SparseRoundingBound {
    private SparseRoundingBound() { }

    static double of(NormalizerKind kind, double[] z, double temperature, double[] ref, double u, int i) {
        double inputRounding = (temperature == 1 ? 1 : 2) * u;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) if (Double.isFinite(v)) max = Math.max(max, v / temperature);
        double halve = kind == NormalizerKind.ENTMAX15 ? 0.5 : 1;
        int k = 0;
        double largest = 0;
        double sumY = 0;
        double sumY2 = 0;
        double sumA = 0;
        for (int j = 0; j < z.length; j++) {
            if (!(ref[j] > 0)) continue;
            double x = z[j] / temperature;
            double y = (x - max) * halve;
            k++;
            largest = Math.max(largest, Math.abs(x));
            sumY += y;
            sumY2 += y * y;
            sumA += Math.sqrt(ref[j]);
        }
        double inputShift = inputRounding * largest;
        double yi = Double.isFinite(z[i]) ? Math.min(1, Math.abs(z[i] / temperature - max) * halve) : 0;
        if (kind == NormalizerKind.SPARSEMAX) {
            double tau = (sumY - 1) / k;
            double tauError = u * ((k - 1) * Math.abs(sumY) / k + Math.abs(sumY - 1) / k + Math.abs(tau));
            return 1.5 * (2 * inputShift + tauError + u * yi + u * ref[i]);
        }
        double mean = sumY / k;
        double meanSq = sumY2 / k;
        double variance = meanSq - mean * mean;
        double delta = 1.0 / k - variance;
        double meanA = sumA / k;
        double meanError = (k + 1) * u * Math.abs(mean);
        double deltaError = (k + 1) * u * meanSq + (2 * k + 3) * u * mean * mean + 3 * u * (delta + variance);
        double tauError = meanError + deltaError / (2 * meanA) + u * (meanA + Math.abs(mean - meanA));
        double d = tauError + u * yi + inputShift;
        return 1.5 * (2 * Math.sqrt(ref[i]) * d + d * d + u * ref[i]);
    }
}
