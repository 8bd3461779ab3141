package lab.softmax.engine.collapse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test accuracy over seeds: for runs whose settings differ only in the seed (and in length), the median and the
 * lowest and highest test accuracy at each epoch that every run logged. Grokking's timing varies a lot between
 * seeds, so one run says little about "when"; the spread says how much.
 *
 * @param runs   how many runs the spread is over
 * @param epochs the epochs logged by every run, ascending
 * @param median the median test accuracy at each epoch (the mean of the middle two for an even count)
 * @param lowest the lowest, and {@code highest} the highest, test accuracy at each epoch
 */
public record SeedSpread(int runs, int[] epochs, double[] median, double[] lowest, double[] highest) {
    /** Fewer runs make no spread worth drawing. */
    public static final int MIN_RUNS = 3;

    /** A run: its settings and its logged metrics. */
    public record Run(CollapseConfig config, List<EpochMetrics> metrics) { }

    /**
     * The spread of these runs, or empty when there are fewer than {@link #MIN_RUNS}, when their settings differ in
     * anything but the seed and the number of epochs, when two share a seed, or when they share no logged epoch.
     */
    public static Optional<SeedSpread> of(List<Run> runs) {
        if (runs.size() < MIN_RUNS) return Optional.empty();
        CollapseConfig first = sameButSeed(runs.getFirst().config());
        if (runs.stream().anyMatch(r -> !sameButSeed(r.config()).equals(first))) return Optional.empty();
        if (runs.stream().map(r -> r.config().seed()).distinct().count() != runs.size()) return Optional.empty();
        List<Map<Integer, Double>> byEpoch = new ArrayList<>();
        for (Run r : runs) {
            Map<Integer, Double> m = new HashMap<>();
            for (EpochMetrics e : r.metrics()) m.put(e.epoch(), e.testAcc());
            byEpoch.add(m);
        }
        List<Integer> common = runs.getFirst().metrics().stream().map(EpochMetrics::epoch)
                .filter(e -> byEpoch.stream().allMatch(m -> m.containsKey(e))).distinct().sorted().toList();
        if (common.isEmpty()) return Optional.empty();
        int n = common.size();
        int[] epochs = new int[n];
        double[] median = new double[n];
        double[] lowest = new double[n];
        double[] highest = new double[n];
        double[] values = new double[runs.size()];
        for (int i = 0; i < n; i++) {
            epochs[i] = common.get(i);
            for (int r = 0; r < runs.size(); r++) values[r] = byEpoch.get(r).get(epochs[i]);
            Arrays.sort(values);
            int k = values.length;
            median[i] = k % 2 == 1 ? values[k / 2] : (values[k / 2 - 1] + values[k / 2]) / 2;
            lowest[i] = values[0];
            highest[i] = values[k - 1];
        }
        return Optional.of(new SeedSpread(runs.size(), epochs, median, lowest, highest));
    }

    private static CollapseConfig sameButSeed(CollapseConfig c) {
        return c.withSeed(0).withEpochs(1, 1);
    }
}
