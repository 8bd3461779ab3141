package lab.softmax.engine.ghosts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import lab.softmax.engine.io.InputException;
import lab.softmax.engine.numeric.Complex;
import lab.softmax.engine.task.Cancellation;

/**
 * The numerical zero finder for F(t) = Σ exp(z_k + a_k t) in the upper half plane (zeros come in
 * conjugate pairs and F > 0 on the real line). Boxes are counted with a certified winding number,
 * discarded when one term dominates all others on them, subdivided as a quadtree (split lines are
 * moved until the children's counts add up to the parent's, so no zero sits on a split line), and a
 * box holding one zero is finished by Newton's method. Boxes holding several zeros that are smaller
 * than {@link #CLUSTER_SIZE}·ρ_a are resolved from the local quadratic model or reported once with
 * their multiplicity. One instance serves one sum; it is not thread-safe. A cancellation, if given, is
 * checked per box and every few hundred contour samples; a cancelled search throws
 * {@link lab.softmax.engine.task.CancelledException} and the instance must not be used again.
 */
public final class ZeroFinder {
    /** Boxes holding ≥ 2 zeros below this size (relative to ρ_a) are treated as clusters. */
    static final double CLUSTER_SIZE = 1e-5;
    /** Two zeros of a resolved cluster closer than this (relative to ρ_a) are reported as one double zero. */
    static final double MERGE_DISTANCE = 1e-7;
    private static final double STRIP_MARGIN = 1e-3;
    private static final double[] SPLIT_RATIOS = {0.5, 0.4871, 0.5213, 0.4519, 0.5557};
    private static final double[] ENLARGEMENTS = {1.001, 1.0023, 1.0047, 1.0101, 1.0173};

    private final ExponentialSum f;
    private final Cancellation cancellation;
    private final WindingCounter counter;
    private final double rhoA;
    private final double stripBottom;
    private final double stripLeft;
    private final double stripRight;
    private int boxes;

    public ZeroFinder(ExponentialSum f) {
        this(f, Cancellation.none());
    }

    public ZeroFinder(ExponentialSum f, Cancellation cancellation) {
        if (f.termCount() < 2) throw new IllegalArgumentException("direction: Δa = 0, F has no zeros");
        this.f = f;
        this.cancellation = cancellation;
        this.counter = new WindingCounter(f, cancellation);
        this.rhoA = f.rhoA();
        this.stripBottom = rhoA * (1 - 1e-7);
        // Where dominance just sets in, two moduli are equal: for a two-term sum that line is exactly the
        // column of zeros. The edges are moved 1e-3·ρ_a outward (dominance persists outward) so that no
        // search box has an edge on that column.
        this.stripRight = dominanceEdge(f.termCount() - 1, +1) + STRIP_MARGIN * rhoA;
        this.stripLeft = dominanceEdge(0, -1) - STRIP_MARGIN * rhoA;
    }

    /** Boxes examined so far (a measure of the search effort). */
    public int boxesExamined() { return boxes; }

    /** Samples of F taken on box edges so far. */
    public long edgeSamples() { return counter.samples(); }

    /**
     * All zeros with Im t > 0 and |t| ≤ radius, sorted by |t| then Re t. The search runs on the sum
     * restricted to the terms that matter for |Re t| ≤ radius (with logit spreads of 1e3 that is a
     * handful of K); the zeros are then re-polished and their residuals taken on the full sum.
     */
    public List<Zero> zerosWithin(double radius) {
        if (!(radius >= stripBottom)) return List.of();
        if (beyondPrecision(radius)) {
            throw new InputException("zeros-within", String.format(java.util.Locale.ROOT, "|t| <= %.3g reaches where |z_k + a_k t| "
                    + "passes %.0f, beyond which the search does not go; list the zeros within a smaller multiple of rho_a", radius,
                    PRECISION_LIMIT));
        }
        ExponentialSum local = f.restrictedTo(-radius * 1.02, radius * 1.02);
        if (local == f) return zerosWithinFull(radius);
        if (local.termCount() < 2) return List.of();
        ZeroFinder sub = new ZeroFinder(local, cancellation);
        List<Zero> found = sub.zerosWithinFull(radius);
        boxes += sub.boxes;
        return found.stream().map(this::repolish).filter(z -> z.abs() <= radius * (1 + 1e-9))
                .sorted(Comparator.comparingDouble(Zero::abs).thenComparingDouble(Zero::re)).toList();
    }

    /** Newton on the full sum from a zero of a restricted sum (a correction of ~1e-17·ρ_a at most). */
    private Zero repolish(Zero z) {
        if (z.multiplicity() > 1) return ZeroPolisher.zeroAt(f, new Complex(z.re(), z.im()), z.multiplicity());
        Complex t = new Complex(z.re(), z.im());
        for (int i = 0; i < 2; i++) {
            Complex step = ZeroPolisher.newtonStep(f, t, 1);
            if (step == null || !(step.abs() < 1e-6 * rhoA)) break;
            t = t.minus(step);
        }
        return ZeroPolisher.zeroAt(f, t, 1);
    }

    private List<Zero> zerosWithinFull(double radius) {
        for (double enlarge : ENLARGEMENTS) {
            Box outer = searchBox(radius * enlarge);
            if (outer == null) return List.of();
            try {
                int n = countOrExclude(outer);
                List<Zero> all = new ArrayList<>();
                collect(outer, n, all);
                double limit = radius * (1 + 1e-9);
                return all.stream().filter(z -> z.abs() <= limit)
                        .sorted(Comparator.comparingDouble(Zero::abs).thenComparingDouble(Zero::re)).toList();
            } catch (ContourHitException e) {
                // a zero on the outer contour: try a slightly larger box
            }
        }
        throw new IllegalStateException("zero finder: could not place a contour around |t| <= " + radius);
    }

    /** The zero of smallest modulus with Im t > 0 (ρ* is its modulus). */
    public Zero nearest() {
        double radius = 2 * rhoA;
        ZeroFinder finder = this;
        for (int attempt = 0; attempt < 2000; attempt++) {
            cancellation.throwIfCancelled();
            if (beyondPrecision(radius)) throw tooFarOut(radius);
            ExponentialSum local = f.restrictedTo(-radius * 1.02, radius * 1.02);
            if (local.termCount() < 2) {
                radius *= 2;
                continue;
            }
            if (local.termCount() != finder.f.termCount()) finder = local == f ? this : new ZeroFinder(local, cancellation);
            Box outer = finder.searchBox(radius);
            int n;
            try {
                n = outer == null ? 0 : finder.countOrExclude(outer);
            } catch (ContourHitException e) {
                radius *= 1.0023;
                continue;
            }
            if (n == 0) {
                radius *= 2;
                continue;
            }
            int before = finder.boxes;
            Zero best = finder.bestFirst(outer, n);
            if (finder != this) boxes += finder.boxes - before;
            if (best.abs() <= radius) return finder == this ? best : repolish(best);
            radius = best.abs() * 1.0001;
        }
        throw new IllegalStateException("zero finder: no zero found up to |t| = " + radius);
    }

    /**
     * The search stops where the exponents z_k + a_k·t reach this size: beyond it the winding counts need
     * ever finer steps (minutes for logit gaps of 1e5, where gaps of 1e4 take milliseconds), and well beyond
     * it double precision no longer resolves the terms' phases at all.
     */
    private static final double PRECISION_LIMIT = 0x1p17;

    private boolean beyondPrecision(double radius) {
        double slopes = 0;
        double weights = 0;
        for (double a : f.slopes()) slopes = Math.max(slopes, Math.abs(a));
        for (double w : f.logWeights()) weights = Math.max(weights, Math.abs(w));
        return radius * slopes + weights > PRECISION_LIMIT;
    }

    /** The input's scale, not the finder, is at fault: its nearest zero lies beyond where the search goes. */
    private static InputException tooFarOut(double radius) {
        return new InputException("logits", String.format(java.util.Locale.ROOT, "no zero within |t| <= %.3g, and the search "
                + "stops where |z_k + a_k t| passes %.0f (the logits' gaps are too large for the differences of the direction's slopes)",
                radius, PRECISION_LIMIT));
    }

    private Box searchBox(double radius) {
        double x0 = Math.max(-radius, stripLeft);
        double x1 = Math.min(radius, stripRight);
        if (!(x0 < x1) || !(radius > stripBottom)) return null;
        return new Box(x0, x1, stripBottom, radius);
    }

    private Zero bestFirst(Box outer, int count) {
        PriorityQueue<Counted> queue = new PriorityQueue<>(Comparator.comparingDouble(c -> c.box().distanceToOrigin()));
        queue.add(new Counted(outer, count));
        Zero best = null;
        while (!queue.isEmpty()) {
            cancellation.throwIfCancelled();
            Counted c = queue.poll();
            if (best != null && best.abs() <= c.box().distanceToOrigin()) break;
            boxes++;
            List<Zero> found = finish(c);
            if (found != null) {
                for (Zero z : found) if (best == null || z.abs() < best.abs()) best = z;
            } else {
                queue.addAll(split(c));
            }
        }
        if (best == null) throw new IllegalStateException("zero finder: counted zeros but found none");
        return best;
    }

    private void collect(Box outer, int count, List<Zero> out) {
        Deque<Counted> stack = new ArrayDeque<>();
        if (count > 0) stack.push(new Counted(outer, count));
        while (!stack.isEmpty()) {
            cancellation.throwIfCancelled();
            Counted c = stack.pop();
            boxes++;
            List<Zero> found = finish(c);
            if (found != null) {
                out.addAll(found);
            } else {
                for (Counted child : split(c)) stack.push(child);
            }
        }
    }

    /** The zeros of a box if it can be finished here (one zero by Newton, or a small cluster); else null. */
    private List<Zero> finish(Counted c) {
        Box box = c.box();
        if (c.count() < 0) return ZeroPolisher.cluster(f, box, -c.count(), MERGE_DISTANCE * rhoA);
        if (c.count() == 1) {
            Zero z = ZeroPolisher.newtonInBox(f, box);
            return z == null ? null : List.of(z);
        }
        if (box.size() < CLUSTER_SIZE * rhoA) return ZeroPolisher.cluster(f, box, c.count(), MERGE_DISTANCE * rhoA);
        return null;
    }

    /**
     * Quadtree split whose children's counts add up to the parent's; children without zeros are
     * dropped. A box more than twice as long as it is high (or the reverse) is only cut across its
     * long side, so boxes stay roughly square even in a very narrow zero strip.
     */
    private List<Counted> split(Counted parent) {
        Box b = parent.box();
        boolean cutX = b.width() > 0.5 * b.height();
        boolean cutY = b.height() > 0.5 * b.width();
        for (double ratio : SPLIT_RATIOS) {
            double xm = cutX ? b.x0() + ratio * b.width() : b.x1();
            double ym = cutY ? b.y0() + ratio * b.height() : b.y1();
            List<Box> children = new ArrayList<>(4);
            children.add(new Box(b.x0(), xm, b.y0(), ym));
            if (cutX) children.add(new Box(xm, b.x1(), b.y0(), ym));
            if (cutY) children.add(new Box(b.x0(), xm, ym, b.y1()));
            if (cutX && cutY) children.add(new Box(xm, b.x1(), ym, b.y1()));
            try {
                List<Counted> result = new ArrayList<>(4);
                int sum = 0;
                for (Box child : children) {
                    int n = countOrExclude(child);
                    sum += n;
                    if (n > 0) result.add(new Counted(child, n));
                }
                if (sum == parent.count()) return result;
            } catch (ContourHitException e) {
                // a zero on a split line: move the lines
            }
        }
        // No clean split (a zero cluster straddling every candidate line): report it as a cluster.
        return List.of(new Counted(b, -parent.count()));
    }

    private int countOrExclude(Box box) {
        if (box.x1() <= stripLeft || box.x0() >= stripRight || dominated(box)) return 0;
        return counter.count(box);
    }

    /**
     * True when one term's smallest modulus on the box exceeds the sum of the others' largest moduli,
     * so F cannot vanish there. The other terms are summed directly (never total − term_j), which
     * keeps the test exact when log-weight gaps reach 1e3.
     */
    boolean dominated(Box box) {
        int n = f.termCount();
        int best = -1;
        double bestLow = Double.NEGATIVE_INFINITY;
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double b = f.slope(k);
            double low = f.logWeight(k) + Math.min(b * box.x0(), b * box.x1());
            double high = f.logWeight(k) + Math.max(b * box.x0(), b * box.x1());
            if (low > bestLow) {
                bestLow = low;
                best = k;
            }
            top = Math.max(top, high);
        }
        double others = 0;
        for (int k = 0; k < n; k++) {
            if (k == best) continue;
            double b = f.slope(k);
            others += Math.exp(f.logWeight(k) + Math.max(b * box.x0(), b * box.x1()) - top);
        }
        return Math.exp(bestLow - top) > others * (1 + 1e-12);
    }

    /**
     * Re t beyond which the extreme-slope term (index k, side = +1 right / −1 left) dominates every
     * other term for all Im t: no zero lies past it. Dominance, once reached, persists outward.
     */
    private double dominanceEdge(int k, int side) {
        double step = rhoA;
        double notDominated;
        double dominated;
        if (!dominatesAt(k, 0)) {
            notDominated = 0;
            dominated = side * step;
            while (!dominatesAt(k, dominated)) {
                notDominated = dominated;
                step *= 2;
                if (step > 1e300) return side * Double.MAX_VALUE;
                dominated = side * step;
            }
        } else {
            dominated = 0;
            notDominated = -side * step;
            while (dominatesAt(k, notDominated)) {
                dominated = notDominated;
                step *= 2;
                if (step > 1e300) return dominated;
                notDominated = -side * step;
            }
        }
        return bisectEdge(k, notDominated, dominated);
    }

    /** Narrow [notDominated, dominated] and return the dominated end (a safe bound). */
    private double bisectEdge(int k, double notDominated, double dominated) {
        double a = notDominated;
        double b = dominated;
        for (int i = 0; i < 60 && Math.abs(b - a) > 1e-9 * Math.max(rhoA, Math.abs(b)); i++) {
            double mid = a + 0.5 * (b - a);
            if (dominatesAt(k, mid)) b = mid; else a = mid;
        }
        return b;
    }

    private boolean dominatesAt(int k, double u) {
        double own = f.logWeight(k) + f.slope(k) * u;
        double others = 0;
        for (int j = 0; j < f.termCount(); j++) {
            if (j != k) others += Math.exp(f.logWeight(j) + f.slope(j) * u - own);
        }
        return others < 1 - 1e-12;
    }

    /** A box with its zero count; a negative count marks a box that could not be split (a cluster). */
    private record Counted(Box box, int count) { }
}
