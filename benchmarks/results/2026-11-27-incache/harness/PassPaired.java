package lab.softmax.engine.kernels;
import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.util.*;
/** Each exp pass of the Java kernels vs C's same pass, alternated: median of C_time / java_time. */
public class PassPaired {
    public static void main(String[] a) throws Throwable {
        Linker lk = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup("/tmp/kern/p/libsoftmaxc.so", Arena.global());
        MethodHandle cSum = lk.downcallHandle(lib.find("c_sum_exp").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_FLOAT), Linker.Option.critical(true));
        MethodHandle cStore = lk.downcallHandle(lib.find("c_store_sum").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_FLOAT), Linker.Option.critical(true));
        MethodHandle cWrite = lk.downcallHandle(lib.find("c_write_exp").orElseThrow(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT), Linker.Option.critical(true));
        int[] ns = Arrays.stream(a[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(a[1]);
        Random rnd = new Random(42);
        for (int n : ns) {
            float[] x = new float[n], y = new float[n];
            float max = -1e30f;
            for (int i = 0; i < n; i++) { x[i] = (float) rnd.nextGaussian() * (i % 97 == 0 ? 20 : 1); max = Math.max(max, x[i]); }
            final float m = max;
            MemorySegment xs = MemorySegment.ofArray(x), ys = MemorySegment.ofArray(y);
            ExpShift sh = ExpShift.of(max);
            String[] names = {"sum-exp", "store-exp-sum", "write-exp"};
            Runnable[] java = {
                () -> VectorExpPasses.sumExp(x, 0, n, sh),
                () -> VectorExpPasses.storeExpSum(x, y, 0, n, sh),
                () -> VectorExpPasses.writeExp(x, y, 0, n, sh, 1e-4f)};
            Runnable[] c = {
                () -> { try { double d = (double) cSum.invokeExact(xs, (long) n, m); } catch (Throwable e) { throw new RuntimeException(e); } },
                () -> { try { double d = (double) cStore.invokeExact(xs, ys, (long) n, m); } catch (Throwable e) { throw new RuntimeException(e); } },
                () -> { try { cWrite.invokeExact(xs, ys, (long) n, m, 1e-4f); } catch (Throwable e) { throw new RuntimeException(e); } }};
            StringBuilder sb = new StringBuilder("n=" + n);
            for (int p = 0; p < names.length; p++) {
                long end = System.nanoTime() + 1_500_000_000L;
                while (System.nanoTime() < end) { java[p].run(); c[p].run(); }
                int reps = Math.max(1, 2_000_000 / n);
                double[] jt = new double[rounds], ct = new double[rounds], ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    for (int k = 0; k < reps; k++) java[p].run();
                    long t1 = System.nanoTime();
                    for (int k = 0; k < reps; k++) c[p].run();
                    long t2 = System.nanoTime();
                    jt[r] = (t1 - t0) / (double) reps / n; ct[r] = (t2 - t1) / (double) reps / n; ratio[r] = ct[r] / jt[r];
                }
                Arrays.sort(jt); Arrays.sort(ct); Arrays.sort(ratio);
                sb.append(String.format("  %s java %.3f C %.3f r=%.2f", names[p], jt[rounds / 2], ct[rounds / 2], ratio[rounds / 2]));
            }
            System.out.println(sb);
        }
    }
}
