package lab.softmax.engine.kernels;

/**
 * What one row of softmax needs besides x and y, kept between rows so that the row API allocates nothing:
 * the per-row constant lanes the vector loops load (see {@link ExpLanes}: loads, not broadcasts), the exp
 * shift, and the reduction's result. One per thread ({@link RowSoftmax} owns one): a kernel call overwrites
 * all of it, so nothing carries from one row to the next.
 */
final class RowScratch {
    /** {@link ExpLanes#SLOTS} slots of L lanes: the scaled polynomial in 0–5, the shift's r and bias in 6 and 7. */
    final float[] lanes = new float[ExpLanes.SLOTS * ExpLanes.S.length()];
    final ExpShift shift = new ExpShift();
    /** A (max, sum) reduction's result (three-pass and online). */
    float max;
    double sum;
    /** An extended-sum reduction's result (two-pass). */
    double exponent;
    double mantissa;

    MaxSum maxSum() { return new MaxSum(max, sum); }

    ExtendedSum extendedSum() { return new ExtendedSum(exponent, mantissa); }

    void set(ExtendedSum s) {
        exponent = s.exponent();
        mantissa = s.mantissa();
    }
}
