package lab.softmax.engine.kernels;

import java.util.List;
import java.util.Locale;
import lab.softmax.engine.io.InputException;

/**
 * What to benchmark. {@code seconds} is the timing budget per kernel and size (after warm-up);
 * every kernel gets at least {@link #MIN_ROUNDS} timed rounds whatever the budget.
 */
public record BenchConfig(List<Algorithm> algorithms, List<Impl> impls, List<Integer> sizes, int threads,
                          double seconds, long seed) {
    public static final int MIN_ROUNDS = 3;
    public static final int MAX_ROUNDS = 25;
    /** Largest size accepted: 2^27 floats (two 512 MiB arrays). */
    public static final int MAX_SIZE = 1 << 27;

    public BenchConfig {
        if (algorithms == null || algorithms.isEmpty()) throw new InputException("algorithms", "choose at least one");
        if (impls == null || impls.isEmpty()) throw new InputException("impls", "choose at least one");
        if (sizes == null || sizes.isEmpty()) throw new InputException("sizes", "choose at least one");
        for (int n : sizes) {
            if (n < 1 || n > MAX_SIZE) throw new InputException("sizes", n + " is outside 1.." + MAX_SIZE);
        }
        if (threads < 1 || threads > 256) throw new InputException("threads", threads + " is outside 1..256");
        if (!(seconds > 0 && seconds <= 600)) throw new InputException("seconds", seconds + " is outside (0, 600]");
        algorithms = List.copyOf(algorithms);
        impls = List.copyOf(impls);
        sizes = List.copyOf(sizes);
    }

    /**
     * A vector length as users type it: "16K" = 16384, "4M" = 4·1024², or a plain integer, within
     * 1..max; otherwise an error naming the option and the text.
     */
    public static int parseSize(String text, String option, int max) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long factor = t.endsWith("K") ? 1024 : t.endsWith("M") ? 1024 * 1024 : 1;
        String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long v = Long.parseLong(digits) * factor;
            if (v < 1 || v > max) throw new InputException("", option, "'" + text + "' is outside 1.." + max);
            return (int) v;
        } catch (NumberFormatException e) {
            throw new InputException("", option, "'" + text + "' is not a size (examples: 1000, 16K, 4M)");
        }
    }
}
