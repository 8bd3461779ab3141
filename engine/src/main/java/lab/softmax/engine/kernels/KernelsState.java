package lab.softmax.engine.kernels;

import lab.softmax.engine.io.InputException;
import java.util.List;
import lab.softmax.engine.io.ScenarioType;

/**
 * The Kernels lab's whole state: the benchmark's configuration, the small vector of the
 * step-through, and (for a saved run) the measured results and machine, so that a saved run
 * reopens into the same charts without re-measuring.
 *
 * @param stepLogits    the step-through's vector (1..64 entries, finite or -Infinity, at least one finite)
 * @param stepAlgorithm the algorithm the step-through walks through
 * @param results       measured results (empty for a configuration-only scenario)
 * @param machine       the machine of the measured results, or null
 */
public record KernelsState(List<Algorithm> algorithms, List<Impl> impls, List<Integer> sizes, int threads,
                           double seconds, long seed, double[] stepLogits, Algorithm stepAlgorithm,
                           List<BenchResult> results, MachineInfo machine) {
    public static final ScenarioType<KernelsState> TYPE = new ScenarioType<>("kernels", 1, KernelsState.class);
    public static final int MAX_STEP_LENGTH = 64;

    public KernelsState {
        new BenchConfig(algorithms, impls, sizes, threads, seconds, seed); // same rules as the benchmark
        algorithms = List.copyOf(algorithms);
        impls = List.copyOf(impls);
        sizes = List.copyOf(sizes);
        if (stepLogits == null || stepLogits.length == 0 || stepLogits.length > MAX_STEP_LENGTH) {
            throw new InputException("stepLogits", "need 1.." + MAX_STEP_LENGTH + " values");
        }
        boolean anyFinite = false;
        for (int i = 0; i < stepLogits.length; i++) {
            double v = stepLogits[i];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY || Math.abs(v) > Float.MAX_VALUE && v != Double.NEGATIVE_INFINITY) {
                throw new InputException("stepLogits[" + i + "]", v + " is not a finite fp32 logit or -Infinity");
            }
            anyFinite |= Double.isFinite(v);
        }
        if (!anyFinite) throw new InputException("stepLogits", "every entry is -Infinity");
        stepLogits = stepLogits.clone();
        if (stepAlgorithm == null) throw new InputException("stepAlgorithm", "missing");
        results = results == null ? List.of() : List.copyOf(results);
    }

    public static KernelsState defaults() {
        return new KernelsState(List.of(Algorithm.values()), List.of(Impl.VECTOR), List.of(1 << 10, 1 << 14, 1 << 18, 1 << 22),
                1, 0.3, 42, new double[] {1.5, -0.3, 0.8, 22.0, -1.2, 0.1, Double.NEGATIVE_INFINITY, 2.4,
                        -0.7, 0.0, 1.1, -2.5, 0.6, Double.NEGATIVE_INFINITY, -0.1, 3.0},
                Algorithm.TWO_PASS, List.of(), null);
    }

    @Override
    public double[] stepLogits() { return stepLogits.clone(); }

    public BenchConfig benchConfig() { return new BenchConfig(algorithms, impls, sizes, threads, seconds, seed); }

    public KernelsState withResults(List<BenchResult> measured, MachineInfo onMachine) {
        return new KernelsState(algorithms, impls, sizes, threads, seconds, seed, stepLogits, stepAlgorithm, measured, onMachine);
    }
}
