package lab.softmax.engine.moe;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a router turns the k gate logits of one input into weights on its top-K experts. Every router picks the same
 * top-K set ({@link TopK#select}); they differ only in the weights.
 */
public enum Router {
    /** Softmax over the K largest logits only (the others are −∞): Nguyen et al., ICLR 2024; Mixtral. Sums to 1. */
    TOPK_SOFTMAX("topk-softmax"),
    /** Softmax over all k logits, then keep the top-K probabilities without renormalising (Switch, GShard). */
    SOFTMAX_TOPK("softmax-topk"),
    /** Softmax over all k logits, keep the top-K and divide by their sum. Equal to {@link #TOPK_SOFTMAX} in exact arithmetic. */
    SOFTMAX_TOPK_RENORM("softmax-topk-renorm");

    private final String id;

    Router(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static Router parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Router r : values()) {
            if (r.id.equals(key)) return r;
        }
        throw new InputException("", "unknown router '" + name + "' (expected "
                + Arrays.stream(values()).map(Router::id).collect(Collectors.joining(", ")) + ")");
    }

    /** Whether the weights of the active experts sum to 1. */
    public boolean normalised() { return this != SOFTMAX_TOPK; }
}
