package lab.softmax.engine.distributions;

/** Counts of what the arithmetic did, so overflow and absorption show as data, not as silence. */
public final class NumericEvents {
    /** Terms (e.g. exp) that came out as +Infinity. */
    public int overflowed;
    /** Additions where a positive term left the running sum unchanged (absorbed). */
    public int absorbed;
    /** The normalising sum as computed in the precision (NaN for projection normalisers). */
    public double denominator = Double.NaN;
}
