package lab.softmax.engine.moe;

/** A regression sample: n inputs of dimension d (row-major in x) and n outputs y. */
public record MoeData(int d, double[] x, double[] y) {
    public MoeData {
        if (d < 1) throw new IllegalArgumentException("d: " + d + " must be >= 1");
        if (y.length == 0) throw new IllegalArgumentException("y: empty sample");
        if (x.length != (long) y.length * d) throw new IllegalArgumentException("x: " + x.length + " values for " + y.length + " outputs of dimension " + d);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) throw new IllegalArgumentException("x[" + i / d + "][" + i % d + "]: " + x[i] + " is not finite");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) throw new IllegalArgumentException("y[" + i + "]: " + y[i] + " is not finite");
        }
        x = x.clone();
        y = y.clone();
    }

    public int n() { return y.length; }

    /** Backing arrays without copying, for the fitting loops of this package. */
    double[] xs() { return x; }

    double[] ys() { return y; }

    @Override public double[] x() { return x.clone(); }

    @Override public double[] y() { return y.clone(); }
}
