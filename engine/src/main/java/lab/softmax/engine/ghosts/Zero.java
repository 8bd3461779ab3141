package lab.softmax.engine.ghosts;

/**
 * One complex zero t of F(t) = Σ exp(z_k + a_k t) (upper half plane; its conjugate is a zero too).
 *
 * @param multiplicity 1, or n when a cluster of n zeros too close to separate in double precision
 *                     is reported once (at its centre)
 * @param relativeResidual |F(t)| / Σ_k |exp(z_k + a_k t)| at the reported point
 */
public record Zero(double re, double im, int multiplicity, double relativeResidual) {
    public double abs() { return Math.hypot(re, im); }
}
