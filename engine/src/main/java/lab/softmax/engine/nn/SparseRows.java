package lab.softmax.engine.nn;

import java.util.Arrays;

/**
 * Binary inputs stored as the indices of their ones (compressed rows): row n is
 * index[start[n] .. start[n+1]). A one-hot pair (x, y) is {x, p + y}; the first layer then is a
 * gather-sum of weight rows instead of a product with a mostly-zero matrix.
 */
public record SparseRows(int dimension, int[] start, int[] index) {
    public SparseRows {
        if (start.length == 0 || start[0] != 0 || start[start.length - 1] != index.length) {
            throw new IllegalArgumentException("start must run from 0 to index.length");
        }
        for (int i : index) {
            if (i < 0 || i >= dimension) throw new IllegalArgumentException("index " + i + " outside 0.." + (dimension - 1));
        }
    }

    public int rows() { return start.length - 1; }

    /** The rows listed, in that order. */
    public SparseRows select(int[] rows) {
        int[] s = new int[rows.length + 1];
        int total = 0;
        for (int i = 0; i < rows.length; i++) {
            total += start[rows[i] + 1] - start[rows[i]];
            s[i + 1] = total;
        }
        int[] idx = new int[total];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(index, start[rows[i]], idx, s[i], s[i + 1] - s[i]);
        }
        return new SparseRows(dimension, s, idx);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseRows r && r.dimension == dimension && Arrays.equals(r.start, start)
                && Arrays.equals(r.index, index);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(start) + Arrays.hashCode(index); }

    @Override
    public String toString() { return "SparseRows[" + rows() + " x " + dimension + "]"; }
}
