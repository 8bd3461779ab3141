package lab.softmax.engine.nn;

/**
 * One parameter tensor in torch's layout (a weight is [out][in], a bias [out]), with its gradient.
 * Values are kept in double and rounded to the model's precision by whoever writes them, so one
 * optimiser serves float32 and float64 models.
 */
public final class Parameter {
    private final String name;
    private final int rows;
    private final int cols;
    private final double[] value;
    private final double[] grad;

    public Parameter(String name, int rows, int cols) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.value = new double[rows * cols];
        this.grad = new double[rows * cols];
    }

    public String name() { return name; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public int size() { return value.length; }

    /** The live values (row-major); writers keep them representable in the model's precision. */
    public double[] value() { return value; }

    /** The live gradient (row-major). */
    public double[] grad() { return grad; }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
