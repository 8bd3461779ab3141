package lab.softmax.engine.numeric;

import java.util.Arrays;
import lab.softmax.engine.task.Cancellation;

/**
 * Sorts that can be cancelled: {@link Arrays#sort(double[])} on 5·10⁷ values takes seconds and cannot be
 * stopped. Here the top levels are three-way quicksort partitions that check the cancellation every
 * {@link Cancellation#ELEMENTS_PER_CHECK} elements, and ranges of at most {@link #LEAF} values go to {@link Arrays#sort}
 * (a few ms each). In place; the order is {@link Double#compare}'s, the order of {@link Arrays#sort}
 * (−0.0 before 0.0, NaN last), so the result is the same array of values.
 */
public final class Sorting {
    static final int LEAF = 1 << 16;

    private Sorting() { }

    /** Sorts ascending; a cancelled sort throws {@link lab.softmax.engine.task.CancelledException} and leaves {@code a} permuted. */
    public static void ascending(double[] a, Cancellation cancellation) {
        cancellation.throwIfCancelled();
        // past this depth the pivots have been bad again and again: Arrays.sort's guarantees take over
        int depthLimit = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, a.length)));
        sort(a, 0, a.length, cancellation, depthLimit);
    }

    /** Sorts descending (NaN first), as {@link #ascending} followed by a reversal. */
    public static void descending(double[] a, Cancellation cancellation) {
        ascending(a, cancellation);
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            cancellation.throwIfCancelledAt(i);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void sort(double[] a, int lo, int hi, Cancellation cancellation, int depth) {
        while (hi - lo > LEAF) {
            cancellation.throwIfCancelled();
            if (depth-- == 0) {
                Arrays.sort(a, lo, hi);
                return;
            }
            double pivot = medianOfThree(a[lo], a[lo + (hi - lo) / 2], a[hi - 1]);
            // Dijkstra's three-way partition: [lo, lt) < pivot, [lt, i) == pivot, [gt, hi) > pivot. Equal values
            // (e.g. the exact zeros of a sparsemax result) end here and are never touched again.
            int lt = lo;
            int i = lo;
            int gt = hi;
            long steps = 0;
            while (i < gt) {
                cancellation.throwIfCancelledAt(++steps);
                int c = Double.compare(a[i], pivot);
                if (c < 0) {
                    swap(a, lt++, i++);
                } else if (c > 0) {
                    swap(a, i, --gt);
                } else {
                    i++;
                }
            }
            // recurse into the smaller side, loop on the larger: the stack stays O(log n)
            if (lt - lo < hi - gt) {
                sort(a, lo, lt, cancellation, depth);
                lo = gt;
            } else {
                sort(a, gt, hi, cancellation, depth);
                hi = lt;
            }
        }
        if (hi - lo > 1) Arrays.sort(a, lo, hi);
    }

    private static double medianOfThree(double x, double y, double z) {
        if (Double.compare(x, y) > 0) {
            double t = x;
            x = y;
            y = t;
        }
        if (Double.compare(y, z) > 0) y = z;
        return Double.compare(x, y) > 0 ? x : y;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
