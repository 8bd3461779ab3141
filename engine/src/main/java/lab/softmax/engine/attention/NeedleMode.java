package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two models of the needle task: plain attention, or SSA's query temperature τ = 1 + s·ln n + tanh(u·q). */
public enum NeedleMode {
    VANILLA("vanilla"),
    SSA("ssa");

    private final String id;

    NeedleMode(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static NeedleMode parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (NeedleMode m : values()) {
            if (m.id.equals(key)) return m;
        }
        throw new InputException("", "unknown mode '" + name + "' (expected vanilla or ssa)");
    }

    @Override
    public String toString() { return id; }
}
