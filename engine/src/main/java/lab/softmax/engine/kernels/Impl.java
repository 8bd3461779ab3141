package lab.softmax.engine.kernels;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a kernel is implemented: plain Java loops (the reference) or the incubating Vector API. */
public enum Impl {
    VECTOR("vector"),
    SCALAR("scalar");

    private final String id;

    Impl(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static Impl parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Impl i : values()) {
            if (i.id.equals(key)) return i;
        }
        throw new IllegalArgumentException("unknown impl '" + name + "' (expected vector or scalar)");
    }

    @Override
    public String toString() { return id; }
}
