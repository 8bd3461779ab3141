package lab.softmax.engine.distributions;

import java.util.Arrays;

/** The finite entries of a vector, sorted descending (masked -Infinity entries dropped). */
final class SortedLogits {
    private SortedLogits() { }

    static double[] descendingFinite(double[] x) {
        double[] finite = Arrays.stream(x).filter(Double::isFinite).toArray();
        Arrays.sort(finite);
        for (int i = 0, j = finite.length - 1; i < j; i++, j--) {
            double t = finite[i];
            finite[i] = finite[j];
            finite[j] = t;
        }
        return finite;
    }
}
