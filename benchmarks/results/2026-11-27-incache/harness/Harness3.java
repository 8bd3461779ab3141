import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.*;
/** Σexp variants vs C's sum-exp pass, round-robin on the same array: median over rounds of C_time / variant_time. */
public class Harness3 {
    public static void main(String[] a) throws Throwable {
        MethodHandle cSum = Linker.nativeLinker().downcallHandle(
                SymbolLookup.libraryLookup("/tmp/kern/p/libsoftmaxc.so", Arena.global()).find("c_sum_exp").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_FLOAT),
                Linker.Option.critical(true));
        String[] vs = a[0].split(",");
        int[] ns = Arrays.stream(a[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(a[2]);
        Random rnd = new Random(42);
        for (int n : ns) {
            float[] x = new float[n];
            float max = -1e30f;
            for (int i = 0; i < n; i++) { x[i] = (float) rnd.nextGaussian() * (i % 97 == 0 ? 20 : 1); max = Math.max(max, x[i]); }
            MemorySegment xs = MemorySegment.ofArray(x);
            int k = Math.round(max * Variants.LOG2E);
            float magic = Variants.EXP_MAGIC - k;
            for (String v : vs) { long e = System.nanoTime() + 1_500_000_000L; double s = 0; while (System.nanoTime() < e) s += Variants.run(v, x, 0f, magic); }
            { long e = System.nanoTime() + 500_000_000L; while (System.nanoTime() < e) { double s = (double) cSum.invokeExact(xs, (long) n, max); } }
            int reps = Math.max(1, 2_000_000 / n);
            int m = vs.length + 1;
            double[][] t = new double[m][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int q = 0; q < m; q++) {
                    int w = (q + r) % m;
                    long t0 = System.nanoTime(); double s = 0;
                    if (w == vs.length) for (int j = 0; j < reps; j++) s += (double) cSum.invokeExact(xs, (long) n, max);
                    else for (int j = 0; j < reps; j++) s += Variants.run(vs[w], x, 0f, magic);
                    t[w][r] = (System.nanoTime() - t0) / (double) reps / n;
                }
            }
            StringBuilder sb = new StringBuilder(String.format("n=%d C %.3f |", n, med(t[vs.length])));
            for (int w = 0; w < vs.length; w++) {
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) ratio[r] = t[vs.length][r] / t[w][r];
                sb.append(String.format(" %s %.3f r=%.2f", vs[w], med(t[w]), med(ratio)));
            }
            System.out.println(sb);
        }
    }
    static double med(double[] v) { double[] c = v.clone(); Arrays.sort(c); return c[c.length / 2]; }
}
