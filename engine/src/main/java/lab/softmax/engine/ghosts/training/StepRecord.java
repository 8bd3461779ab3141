package lab.softmax.engine.ghosts.training;

/**
 * One training step t: the metrics after its update, and its safety read-out.
 *
 * @param lr         the scheduled learning rate (with the spike)
 * @param lrEffective the rate actually applied (the ρ-controller may shrink it)
 * @param rhoA       π / max Δa over the training set along the update direction
 * @param stepNorm   τ = ‖θ_{t+1} − θ_t‖
 * @param r          τ/ρ_a, the normalised step (r ≤ 1 is inside the certified radius)
 */
public record StepRecord(int step, double trainLoss, double trainAcc, double testAcc, double rhoA, double stepNorm,
                         double r, double lr, double lrEffective, double gradNorm, int bottleneckSample) { }
