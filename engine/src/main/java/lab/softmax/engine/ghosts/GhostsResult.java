package lab.softmax.engine.ghosts;

import java.util.List;

/**
 * The radii of one sample along one direction.
 *
 * @param deltaA      Δa = max a − min a
 * @param rhoA        π/Δa, the certified lower bound (Infinity when Δa = 0)
 * @param rhoStar     the exact radius |nearest zero| (Infinity when Δa = 0)
 * @param nearestZero the nearest zero with Im t > 0, or null when there is none
 * @param zeros       upper-half-plane zeros with |t| ≤ withinFactor·ρ_a, sorted by |t| then Re t
 * @param method      "binary-closed-form", "numerical" or "none" (Δa = 0)
 * @param searchBoxes boxes the numerical search examined (0 for the closed form)
 */
public record GhostsResult(double deltaA, double rhoA, double rhoStar, Zero nearestZero, List<Zero> zeros,
                           double withinFactor, String method, int searchBoxes) {
    public GhostsResult {
        zeros = List.copyOf(zeros);
    }

    /** The ratio rho_star / rho_a, at least 1 (NaN when both are infinite). */
    public double ratio() { return rhoStar / rhoA; }
}
