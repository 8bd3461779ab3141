package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum OptimizerKind {
    ADAMW("adamw"), SGD("sgd");

    private final String id;

    OptimizerKind(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static OptimizerKind parse(String s) {
        String key = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind k : values()) if (k.id.equals(key)) return k;
        throw new IllegalArgumentException("unknown optimizer '" + s + "' (expected adamw or sgd)");
    }
}
