package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing of a batch of inputs with the statistics a training loop watches: load per expert, tokens dropped by a
 * capacity limit, the Switch-Transformer auxiliary load-balancing loss and the routing entropy.
 *
 * <p>Capacity: with a capacity factor c &gt; 0 each expert takes at most C = max(1, ⌊c·K·N/k⌋) of the N inputs
 * (the Switch/GShard rule: the even share K·N/k times c). Inputs are served in batch order; an assignment of an
 * input to an expert that is already full is dropped (its weight is lost, not given to the others, as in Switch and
 * GShard, where the input then passes only through the residual connection). c = 0 means no limit.
 *
 * <p>Auxiliary loss: k·Σ_i f_i·P_i with f_i = (assignments routed to expert i, before capacity) / (K·N) and P_i the
 * mean over the batch of expert i's dense softmax probability (at the same temperature T, which divides the logits). It is 1 for perfectly
 * balanced routing and reduces to the Switch Transformer's loss (Fedus, Zoph and Shazeer 2022) for K = 1.
 */
public final class BatchRouting {
    private BatchRouting() { }

    /**
     * @param routes        per input, the route before capacity (ascending active experts, router weights)
     * @param dropped       per input, the experts whose assignment was dropped for capacity (ascending; empty if none)
     * @param load          per expert, assignments routed to it (before capacity)
     * @param served        per expert, assignments it kept (after capacity)
     * @param capacity      the per-expert capacity C, or Integer.MAX_VALUE without a limit
     * @param droppedAssignments (input, expert) assignments dropped
     * @param droppedInputs inputs all of whose assignments were dropped
     * @param auxLoss       the load-balancing loss k·Σ f_i·P_i
     * @param meanEntropy   mean over inputs of −Σ w ln w of the route weights (normalised over the active set), nats
     * @param loadEntropy   entropy of the load fractions f_i, nats (ln k at perfect balance)
     */
    public record Result(List<Route> routes, List<int[]> dropped, int[] load, int[] served, int capacity,
                         int droppedAssignments, int droppedInputs, double auxLoss, double meanEntropy,
                         double loadEntropy) {
        public Result {
            routes = List.copyOf(routes);
            dropped = List.copyOf(dropped);
            load = load.clone();
            served = served.clone();
        }

        @Override public int[] load() { return load.clone(); }

        @Override public int[] served() { return served.clone(); }
    }

    /** Routes every row of xs (each of the gates' dimension); the logits are divided by temperature. capacityFactor 0 = no limit. */
    public static Result route(Gates gates, double[][] xs, int topK, double temperature, Router router,
                               double capacityFactor) {
        int k = gates.experts();
        TopK.requireK(topK, k);
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new InputException("temperature", temperature + " must be finite and > 0");
        }
        if (!(capacityFactor >= 0) || !Double.isFinite(capacityFactor)) {
            throw new InputException("capacity factor", capacityFactor + " must be finite and >= 0 (0 = no limit)");
        }
        if (xs.length == 0) throw new InputException("x", "empty batch");
        int n = xs.length;
        int capacity = capacityFactor == 0 ? Integer.MAX_VALUE
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(capacityFactor * topK * (double) n / k)));
        double[] logits = new double[k];
        double[] p = new double[k];
        double[] meanP = new double[k];
        int[] load = new int[k];
        int[] served = new int[k];
        int droppedAssignments = 0;
        int droppedInputs = 0;
        double entropySum = 0;
        List<Route> routes = new ArrayList<>(n);
        List<int[]> dropped = new ArrayList<>(n);
        int[] active = new int[topK];
        double[] w = new double[topK];
        for (double[] x : xs) {
            gates.logits(x, 1 / temperature, logits);
            TopK.select(logits, k, topK, active);
            TopK.weights(logits, k, active, topK, router, w);
            routes.add(new Route(active, w));
            TopK.softmax(logits, k, p);
            for (int i = 0; i < k; i++) meanP[i] += p[i];
            double sw = 0;
            for (int a = 0; a < topK; a++) sw += w[a];
            double h = 0;
            for (int a = 0; a < topK; a++) {
                double q = w[a] / sw;
                if (q > 0) h -= q * Math.log(q);
            }
            entropySum += h;
            int[] drop = new int[topK];
            int nd = 0;
            for (int a = 0; a < topK; a++) {
                int e = active[a];
                load[e]++;
                if (served[e] < capacity) {
                    served[e]++;
                } else {
                    drop[nd++] = e;
                }
            }
            droppedAssignments += nd;
            if (nd == topK) droppedInputs++;
            dropped.add(java.util.Arrays.copyOf(drop, nd));
        }
        double aux = 0;
        double loadEntropy = 0;
        for (int i = 0; i < k; i++) {
            double f = load[i] / ((double) topK * n);
            aux += f * (meanP[i] / n);
            if (f > 0) loadEntropy -= f * Math.log(f);
        }
        return new Result(routes, dropped, load, served, capacity, droppedAssignments, droppedInputs, k * aux,
                entropySum / n, loadEntropy);
    }
}
