package lab.softmax.engine.distributions;

import lab.softmax.engine.numeric.Sorting;
import lab.softmax.engine.task.Cancellation;

/** The finite entries of a vector, sorted descending (masked -Infinity entries dropped). */
final class SortedLogits {
    private SortedLogits() { }

    static double[] descendingFinite(double[] x, Cancellation cancellation) {
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            if (Double.isFinite(x[i])) count++;
        }
        double[] finite = new double[count];
        for (int i = 0, k = 0; i < x.length; i++) {
            cancellation.throwIfCancelledAt(i);
            if (Double.isFinite(x[i])) finite[k++] = x[i];
        }
        Sorting.descending(finite, cancellation);
        return finite;
    }
}
