package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The fits of the convergence experiment, defined against a true model with k* experts and K* active
 * ({@link TrueModel}); the numbers below are those of the lab's model (k* = 3, K* = 2).
 */
public enum FitCase {
    /** k = k*, K = K* (3, 2): exactly specified; D1 is the loss. */
    EXACT("exact", 0, 0),
    /**
     * k = k* + 1, K = K* + 1 (4, 3): one expert split in two ({@link TrueModel#split}, E1 in the lab's model); K covers
     * its cell plus the others. D2 is the loss.
     */
    OVER("over", 1, 1),
    /**
     * k = k* + 1, K = K* (4, 2): the split start with K one short of its cell. Note that in the lab's model this still
     * contains the truth (an expert whose gate stays below the others), so the maximum-likelihood density can converge;
     * a fit that keeps both copies of E1 cannot. {@link LabModel#withIdleExpert} is such a member.
     */
    K_TOO_SMALL("k-too-small", 1, 0),
    /** k = k*, K = K* − 1 (3, 1): fewer active experts than the truth's; the truth is not representable. */
    K_BELOW_TRUTH("k-below-truth", 0, -1);

    private final String id;
    private final int extraExperts;
    private final int extraTopK;

    FitCase(String id, int extraExperts, int extraTopK) {
        this.id = id;
        this.extraExperts = extraExperts;
        this.extraTopK = extraTopK;
    }

    @JsonValue
    public String id() { return id; }

    /** Experts of the fitted model with the lab's true model. */
    public int experts() { return experts(TrueModel.lab()); }

    /** K of the fitted model with the lab's true model. */
    public int topK() { return topK(TrueModel.lab()); }

    public int experts(TrueModel truth) { return truth.model().experts() + extraExperts; }

    public int topK(TrueModel truth) { return truth.model().topK() + extraTopK; }

    /** The starting point before noise with the lab's true model. */
    public GaussianMoe center() { return center(TrueModel.lab()); }

    /**
     * The starting point before noise: the truth with this case's K, or its split form ({@link TrueModel#split}).
     *
     * @throws InputException (field {@code case}) when this case's K is not in 1..k for that truth
     */
    public GaussianMoe center(TrueModel truth) {
        int k = experts(truth);
        int topK = topK(truth);
        if (topK < 1 || topK > k) {
            throw new InputException("case", id + " needs K = " + topK + " of " + k + " experts, impossible for a true model with K* = " + truth.model().topK());
        }
        return extraExperts == 0 ? truth.model().withTopK(topK) : truth.split(topK);
    }

    @JsonCreator
    public static FitCase parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FitCase c : values()) {
            if (c.id.equals(key)) return c;
        }
        throw new InputException("", "unknown fit case '" + name + "' (expected exact, over, k-too-small, k-below-truth)");
    }
}
