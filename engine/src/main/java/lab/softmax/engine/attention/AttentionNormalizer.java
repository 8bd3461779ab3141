package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The per-row normaliser of the Attention lab. */
public enum AttentionNormalizer {
    /** softmax; fp32 rows run through the Kernels lab's vector kernel. */
    SOFTMAX("softmax", "softmax"),
    /** StableMax (Prieto et al. 2025), the Distributions lab's implementation. */
    STABLEMAX("stablemax", "StableMax"),
    /** sparsemax (Martins & Astudillo 2016): exact zeros by design. */
    SPARSEMAX("sparsemax", "sparsemax"),
    /** softmax of the logits multiplied by s·ln n, n the number of visible keys (length scaling). */
    LENGTH_SCALED_SOFTMAX("length-scaled", "length-scaled softmax");

    private final String id;
    private final String label;

    AttentionNormalizer(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() { return id; }

    public String label() { return label; }

    @JsonCreator
    public static AttentionNormalizer parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (AttentionNormalizer n : values()) {
            if (n.id.equals(key)) return n;
        }
        throw new InputException("", "unknown normalizer '" + name
                + "' (expected softmax, stablemax, sparsemax or length-scaled)");
    }

    @Override
    public String toString() { return id; }
}
