package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/** Softmax cross-entropy (in the chosen loss precision) or StableMax cross-entropy (always fp64). */
public enum LossKind {
    SOFTMAX_CE("softmax-ce"), STABLEMAX_CE("stablemax-ce");

    private final String id;

    LossKind(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static LossKind parse(String s) { return EnumIds.parse(values(), LossKind::id, s, "loss"); }
}
