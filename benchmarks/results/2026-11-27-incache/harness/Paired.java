import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.*;
import lab.softmax.engine.kernels.*;
/** Java kernel vs the same-algorithm C, alternated sample by sample on the same arrays: median of paired ratios. */
public class Paired {
    public static void main(String[] a) throws Throwable {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup("/tmp/kern/p/libsoftmaxc.so", Arena.global());
        MethodHandle cSoftmax = linker.downcallHandle(lib.find("c_softmax").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                Linker.Option.critical(true));
        String[] algos = a[0].split(",");
        int[] ns = Arrays.stream(a[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int samples = Integer.parseInt(a[2]);
        String[] names = {"three-pass-recompute", "three-pass-reload", "two-pass", "online"};
        Random rnd = new Random(42);
        for (int n : ns) {
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian() * (i % 97 == 0 ? 20 : 1);
            MemorySegment xs = MemorySegment.ofArray(x), ys = MemorySegment.ofArray(y);
            for (String name : algos) {
                int ci = Arrays.asList(names).indexOf(name);
                SoftmaxKernel k = Kernels.create(Algorithm.values()[ci], Impl.VECTOR);
                if (!k.algorithm().toString().replace('_', '-').equalsIgnoreCase(name)) throw new AssertionError(k.algorithm());
                long end = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < end) { k.softmax(x, y); int rc = (int) cSoftmax.invokeExact(ci, xs, ys, (long) n); }
                int reps = Math.max(1, 2_000_000 / n);
                double[] jt = new double[samples], ct = new double[samples], ratio = new double[samples];
                for (int s = 0; s < samples; s++) {
                    long t0 = System.nanoTime();
                    for (int r = 0; r < reps; r++) k.softmax(x, y);
                    long t1 = System.nanoTime();
                    for (int r = 0; r < reps; r++) { int rc = (int) cSoftmax.invokeExact(ci, xs, ys, (long) n); }
                    long t2 = System.nanoTime();
                    jt[s] = (t1 - t0) / (double) reps / n; ct[s] = (t2 - t1) / (double) reps / n; ratio[s] = ct[s] / jt[s];
                }
                Arrays.sort(jt); Arrays.sort(ct); Arrays.sort(ratio);
                System.out.printf("%-22s n=%-7d java %.3f (min %.3f)  C %.3f (min %.3f)  C/java throughput ratio median %.2f (q1 %.2f q3 %.2f)  min/min %.2f%n",
                        name, n, jt[samples / 2], jt[0], ct[samples / 2], ct[0], ratio[samples / 2], ratio[samples / 4], ratio[3 * samples / 4], ct[0] / jt[0]);
            }
        }
    }
}
