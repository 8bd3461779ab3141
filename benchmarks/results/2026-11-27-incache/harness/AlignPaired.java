package lab.softmax.engine.kernels;
import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.*;
/** sumExp over x[off, off + n) for off = 0..7 floats, Java and C alternated: does the data's alignment matter? */
public class AlignPaired {
    public static void main(String[] a) throws Throwable {
        MethodHandle cSum = Linker.nativeLinker().downcallHandle(SymbolLookup.libraryLookup("/tmp/kern/p/libsoftmaxc.so", Arena.global()).find("c_sum_exp").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_FLOAT), Linker.Option.critical(true));
        int n = Integer.parseInt(a[0]), rounds = Integer.parseInt(a[1]);
        Random rnd = new Random(42);
        float[] x = new float[n + 64];
        float max = -1e30f;
        for (int i = 0; i < x.length; i++) { x[i] = (float) rnd.nextGaussian(); max = Math.max(max, x[i]); }
        ExpShift sh = ExpShift.of(max);
        MemorySegment xs = MemorySegment.ofArray(x);
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) { VectorExpPasses.sumExp(x, 0, n, sh); double d = (double) cSum.invokeExact(xs, (long) n, max); }
        int reps = Math.max(1, 2_000_000 / n);
        StringBuilder sb = new StringBuilder("n=" + n);
        for (int off = 0; off < 8; off++) {
            MemorySegment part = xs.asSlice(4L * off);
            double[] jt = new double[rounds], ct = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < reps; k++) VectorExpPasses.sumExp(x, off, off + n, sh);
                long t1 = System.nanoTime();
                for (int k = 0; k < reps; k++) { double d = (double) cSum.invokeExact(part, (long) n, max); }
                long t2 = System.nanoTime();
                jt[r] = (t1 - t0) / (double) reps / n; ct[r] = (t2 - t1) / (double) reps / n;
            }
            Arrays.sort(jt); Arrays.sort(ct);
            sb.append(String.format("  +%d: J %.3f C %.3f", off, jt[rounds / 2], ct[rounds / 2]));
        }
        System.out.println(sb);
    }
}
