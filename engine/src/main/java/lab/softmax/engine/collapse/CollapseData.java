package lab.softmax.engine.collapse;

import lab.softmax.engine.io.InputException;
import java.util.HashSet;
import java.util.Set;
import lab.softmax.engine.nn.SparseRows;
import lab.softmax.engine.numeric.SplitMix64;

/** A seeded train/test split of a grokking data set: binary inputs as index lists, class labels. */
public record CollapseData(SparseRows trainX, int[] trainY, SparseRows testX, int[] testY, int classes) {

    public int inputs() { return trainX.dimension(); }

    /**
     * All p^2 ordered pairs (x, y), input onehot(x) ++ onehot(y), target op(x, y) mod p; a seeded
     * permutation puts the first floor(fraction p^2) pairs in the training set.
     */
    public static CollapseData modular(Operation op, int p, double trainFraction, long seed) {
        int total = p * p;
        int[] start = new int[total + 1];
        int[] index = new int[2 * total];
        int[] label = new int[total];
        for (int x = 0; x < p; x++) {
            for (int y = 0; y < p; y++) {
                int n = x * p + y;
                index[2 * n] = x;
                index[2 * n + 1] = p + y;
                start[n + 1] = 2 * n + 2;
                label[n] = op.apply(x, y, p);
            }
        }
        return split(new SparseRows(2 * p, start, index), label, p, trainFraction, seed);
    }

    /**
     * Sparse parity: distinct random {0,1} vectors of parityBits + noiseBits bits; the label is the
     * parity of the first parityBits bits.
     */
    public static CollapseData sparseParity(int parityBits, int noiseBits, int samples, double trainFraction, long seed) {
        int bits = parityBits + noiseBits;
        if (bits > 62) throw new InputException("parity", "at most 62 bits, got " + bits);
        if (bits < 62 && samples > (1L << bits)) throw new InputException("parity", "more samples than distinct inputs");
        SplitMix64 rng = new SplitMix64(seed ^ 0x5DEECE66DL);
        Set<Long> seen = new HashSet<>();
        long[] vectors = new long[samples];
        int count = 0;
        while (count < samples) {
            long v = rng.nextLong() & ((1L << bits) - 1);
            if (seen.add(v)) vectors[count++] = v;
        }
        int[] start = new int[samples + 1];
        int[] label = new int[samples];
        int ones = 0;
        for (long v : vectors) ones += Long.bitCount(v);
        int[] index = new int[ones];
        int t = 0;
        for (int n = 0; n < samples; n++) {
            long v = vectors[n];
            for (int b = 0; b < bits; b++) if ((v >>> b & 1) != 0) index[t++] = b;
            start[n + 1] = t;
            label[n] = Long.bitCount(v & ((1L << parityBits) - 1)) & 1;
        }
        return split(new SparseRows(bits, start, index), label, 2, trainFraction, seed);
    }

    private static CollapseData split(SparseRows x, int[] y, int classes, double fraction, long seed) {
        int total = y.length;
        int[] order = new int[total];
        for (int i = 0; i < total; i++) order[i] = i;
        SplitMix64 rng = new SplitMix64(seed);
        for (int i = total - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int trainSize = (int) (fraction * total);
        if (trainSize < 1 || trainSize >= total) {
            throw new InputException("trainFraction", fraction + " leaves an empty train or test set");
        }
        int[] train = java.util.Arrays.copyOfRange(order, 0, trainSize);
        int[] test = java.util.Arrays.copyOfRange(order, trainSize, total);
        return new CollapseData(x.select(train), pick(y, train), x.select(test), pick(y, test), classes);
    }

    private static int[] pick(int[] y, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = y[rows[i]];
        return out;
    }
}
