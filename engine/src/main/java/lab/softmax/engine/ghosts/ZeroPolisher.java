package lab.softmax.engine.ghosts;

import java.util.List;
import lab.softmax.engine.numeric.Complex;

/** Newton's method on a box known to hold one zero, and the resolution of small zero clusters. */
final class ZeroPolisher {
    private static final int MAX_NEWTON = 60;

    private ZeroPolisher() { }

    /** Newton from the box centre; null when it leaves the box or does not converge (the box is split). */
    static Zero newtonInBox(ExponentialSum f, Box box) {
        Complex t = new Complex(box.centreRe(), box.centreIm());
        double margin = 1e-9 * box.size() + 1e-14 * (Math.abs(t.re()) + Math.abs(t.im()));
        double tolerance = 1e-10 * box.size();
        for (int i = 0; i < MAX_NEWTON; i++) {
            Complex step = newtonStep(f, t, 1);
            if (step == null) return null;
            t = t.minus(step);
            if (!t.isFinite() || !box.contains(t.re(), t.im(), margin)) return null;
            if (step.abs() <= tolerance) return polished(f, t, box, margin);
        }
        return null;
    }

    /** A few more Newton steps while they keep shrinking: the last bits of accuracy double allows. */
    private static Zero polished(ExponentialSum f, Complex t, Box box, double margin) {
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 6; i++) {
            Complex step = newtonStep(f, t, 1);
            if (step == null || !(step.abs() < previous)) break;
            Complex next = t.minus(step);
            if (!box.contains(next.re(), next.im(), margin)) break;
            previous = step.abs();
            t = next;
            if (previous == 0) break;
        }
        return zeroAt(f, t, 1);
    }

    /**
     * n zeros in a box too small to split further. Two zeros are taken from the local quadratic
     * model re-centred on their mean (the critical point of F, which is well conditioned); they are
     * reported separately when farther apart than mergeDistance, else once with multiplicity 2.
     * Larger clusters are reported once, placed by multiplicity-aware Newton.
     */
    static List<Zero> cluster(ExponentialSum f, Box box, int n, double mergeDistance) {
        Complex centre = new Complex(box.centreRe(), box.centreIm());
        if (n == 1) {
            Zero z = newtonInBox(f, box);
            return List.of(z != null ? z : zeroAt(f, centre, 1));
        }
        if (n == 2) return pair(f, box, centre, mergeDistance);
        Complex t = centre;
        for (int i = 0; i < 30; i++) {
            Complex step = newtonStep(f, t, n);
            if (step == null) break;
            Complex next = t.minus(step);
            if (!box.contains(next.re(), next.im(), box.size())) break;
            t = next;
        }
        return List.of(zeroAt(f, t, n));
    }

    private static List<Zero> pair(ExponentialSum f, Box box, Complex start, double mergeDistance) {
        Complex centre = start;
        Complex[] roots = null;
        for (int i = 0; i < 4; i++) {
            Complex[] r = quadraticRoots(f, centre);
            if (r == null) break;
            roots = r;
            Complex mean = r[0].plus(r[1]).times(0.5);
            if (!box.contains(mean.re(), mean.im(), box.size())) break;
            centre = mean;
        }
        if (roots == null) return List.of(zeroAt(f, centre, 2));
        if (roots[0].minus(roots[1]).abs() <= mergeDistance) return List.of(zeroAt(f, centre, 2));
        double separation = roots[0].minus(roots[1]).abs();
        Complex a = refine(f, roots[0], separation / 4);
        Complex b = refine(f, roots[1], separation / 4);
        Zero za = zeroAt(f, a, 1);
        Zero zb = zeroAt(f, b, 1);
        return za.im() <= zb.im() ? List.of(za, zb) : List.of(zb, za);
    }

    /** Newton from a cluster root estimate, kept only if it stays near the estimate (no jump to the twin). */
    private static Complex refine(ExponentialSum f, Complex estimate, double maxMove) {
        Complex t = estimate;
        for (int i = 0; i < 5; i++) {
            Complex step = newtonStep(f, t, 1);
            if (step == null) break;
            t = t.minus(step);
        }
        return t.isFinite() && t.minus(estimate).abs() <= maxMove ? t : estimate;
    }

    /** Roots δ of G + G'δ + G''δ²/2 = 0 around c, returned as c + δ; null when G'' vanishes. */
    private static Complex[] quadraticRoots(ExponentialSum f, Complex c) {
        ExponentialSum.ScaledValue v = f.evaluate(c.re(), c.im());
        Complex g = new Complex(v.re(), v.im());
        Complex g1 = new Complex(v.d1re(), v.d1im());
        Complex half2 = new Complex(v.d2re() * 0.5, v.d2im() * 0.5);
        if (half2.abs() == 0) return null;
        Complex sq = g1.times(g1).minus(half2.times(g).times(4)).sqrt();
        Complex plus = g1.plus(sq);
        Complex minus = g1.minus(sq);
        Complex q = (plus.abs() >= minus.abs() ? plus : minus).times(-0.5);
        if (q.abs() == 0) return new Complex[] {c, c};
        return new Complex[] {c.plus(q.divide(half2)), c.plus(g.divide(q))};
    }

    /** n·G/G' at t (Newton's step for a zero of multiplicity n), or null where G' vanishes. */
    static Complex newtonStep(ExponentialSum f, Complex t, int n) {
        ExponentialSum.ScaledValue v = f.evaluate(t.re(), t.im());
        Complex d = new Complex(v.d1re(), v.d1im());
        if (d.abs() == 0 || !d.isFinite()) return null;
        return new Complex(v.re(), v.im()).divide(d).times(n);
    }

    static Zero zeroAt(ExponentialSum f, Complex t, int multiplicity) {
        ExponentialSum.ScaledValue v = f.evaluate(t.re(), t.im());
        return new Zero(t.re(), t.im(), multiplicity, v.relativeModulus());
    }
}
