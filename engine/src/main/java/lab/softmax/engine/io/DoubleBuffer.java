package lab.softmax.engine.io;

import java.util.Arrays;

/** A growable double[] (no boxing: a 10^7 vector stays 80 MB). */
final class DoubleBuffer {
    private double[] data = new double[1024];
    private int size;

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, (int) Math.min((long) data.length * 2, Integer.MAX_VALUE - 8));
        }
        data[size++] = v;
    }

    int size() { return size; }

    double[] toArray() { return Arrays.copyOf(data, size); }
}
