package lab.softmax.engine.ghosts;

import lab.softmax.engine.io.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Radii over a batch of samples along one direction (Def. 4.7): ρ_a = π / max_i Δa_i, attained by the
 * bottleneck sample with the largest spread, and the exact ρ* = min_i ρ*_i.
 */
public final class BatchGhosts {
    private BatchGhosts() { }

    /** The batch read-out; indices are -1 when every sample has Δa = 0. */
    public record Summary(double rhoA, int bottleneckIndex, double rhoStar, int rhoStarIndex) { }

    /** Every sample's full analysis plus the batch summary. */
    public record Result(List<GhostsResult> samples, Summary summary) { }

    public static Result analyse(List<double[]> logits, List<double[]> directions, double withinFactor) {
        if (logits.size() != directions.size()) throw new InputException("samples", "logits/direction counts differ");
        List<GhostsResult> results = new ArrayList<>(logits.size());
        for (int i = 0; i < logits.size(); i++) {
            try {
                results.add(Ghosts.analyse(logits.get(i), directions.get(i), withinFactor));
            } catch (InputException e) {
                throw new InputException(e.source(), "samples[" + i + "]." + e.field(), e.problem(), e);
            }
        }
        int bottleneck = -1;
        int nearest = -1;
        for (int i = 0; i < results.size(); i++) {
            GhostsResult r = results.get(i);
            if (r.deltaA() > 0 && (bottleneck < 0 || r.deltaA() > results.get(bottleneck).deltaA())) bottleneck = i;
            if (Double.isFinite(r.rhoStar()) && (nearest < 0 || r.rhoStar() < results.get(nearest).rhoStar())) nearest = i;
        }
        return new Result(results, new Summary(
                bottleneck < 0 ? Double.POSITIVE_INFINITY : results.get(bottleneck).rhoA(), bottleneck,
                nearest < 0 ? Double.POSITIVE_INFINITY : results.get(nearest).rhoStar(), nearest));
    }

    /**
     * Only the batch ρ*, pruned: samples are visited in decreasing Δa and a sample is skipped once its
     * lower bound π/Δa_i already exceeds the best ρ* found (ρ*_i ≥ π/Δa_i, Thm 4.6).
     */
    public static Summary rhoStar(List<ExponentialSum> sums) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sums.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> sums.get(i).deltaA()).reversed());
        double best = Double.POSITIVE_INFINITY;
        int bestIndex = -1;
        for (int i : order) {
            ExponentialSum f = sums.get(i);
            if (!(f.rhoA() < best)) break;
            double r = Ghosts.analyse(f, 0).rhoStar();
            if (r < best) {
                best = r;
                bestIndex = i;
            }
        }
        int bottleneck = order.isEmpty() || sums.get(order.get(0)).deltaA() == 0 ? -1 : order.get(0);
        return new Summary(bottleneck < 0 ? Double.POSITIVE_INFINITY : sums.get(bottleneck).rhoA(), bottleneck, best, bestIndex);
    }
}
