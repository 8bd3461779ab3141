package lab.softmax.engine.ghosts.training;

/** Feature rows and integer labels in [0, classes). Rows are not copied: treat as read-only. */
public record Dataset(double[][] x, int[] y, int classes) {
    public Dataset {
        if (x.length != y.length) throw new IllegalArgumentException("x and y lengths differ");
        if (x.length == 0) throw new IllegalArgumentException("empty data set");
    }

    public int size() { return y.length; }

    public int features() { return x[0].length; }

    /** A training split and a test split of one data set. */
    public record Split(Dataset train, Dataset test) { }
}
