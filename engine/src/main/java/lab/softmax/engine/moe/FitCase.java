package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The three fits of the convergence experiment, all against {@link LabModel#truth()} (k* = 3, K* = 2). */
public enum FitCase {
    /** k = 3, K = 2: exactly specified; D1 is the loss. */
    EXACT("exact", 3, 2),
    /** k = 4, K = 3: E1's cell holds two atoms; K covers it plus one more expert. D2 is the loss. */
    OVER("over", 4, 3),
    /**
     * k = 4, K = 2: the split start with K one short of its cell. Note that this model still contains the truth (an
     * expert whose gate stays below the others), so the maximum-likelihood density can converge; a fit that keeps both
     * copies of E1 cannot. {@link LabModel#withIdleExpert} is such a member.
     */
    K_TOO_SMALL("k-too-small", 4, 2),
    /** k = 3, K = 1: fewer active experts than the truth's K* = 2; the truth is not representable. */
    K_BELOW_TRUTH("k-below-truth", 3, 1);

    private final String id;
    private final int experts;
    private final int topK;

    FitCase(String id, int experts, int topK) {
        this.id = id;
        this.experts = experts;
        this.topK = topK;
    }

    @JsonValue
    public String id() { return id; }

    public int experts() { return experts; }

    public int topK() { return topK; }

    /** The starting point before noise: the truth (k = 3) or its split form (k = 4) with this case's K. */
    public GaussianMoe center() { return experts == 3 ? LabModel.truth().withTopK(topK) : LabModel.split(topK); }

    @JsonCreator
    public static FitCase parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FitCase c : values()) {
            if (c.id.equals(key)) return c;
        }
        throw new InputException("", "unknown fit case '" + name + "' (expected exact, over, k-too-small, k-below-truth)");
    }
}
