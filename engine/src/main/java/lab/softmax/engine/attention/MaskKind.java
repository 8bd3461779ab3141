package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which keys a query row sees. A hidden key gets the logit -Infinity after the SSA scaling
 * (the official code's order) and probability exactly 0.
 */
public enum MaskKind {
    /** Every query sees every key. */
    FULL("full"),
    /** Query i (0-based) sees keys 0..i. */
    CAUSAL("causal"),
    /** Every query sees keys 0..validKeys-1 (a padded sequence of that length). */
    PADDING("padding"),
    /** The input's own pattern: a -Infinity entry of its additive mask hides that key. */
    PATTERN("pattern");

    private final String id;

    MaskKind(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static MaskKind parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (MaskKind m : values()) {
            if (m.id.equals(key)) return m;
        }
        throw new InputException("", "unknown mask '" + name + "' (expected full, causal, padding or pattern)");
    }

    @Override
    public String toString() { return id; }
}
