package lab.softmax.engine.kernels;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/** How a kernel is implemented: plain Java loops (the reference) or the incubating Vector API. */
public enum Impl {
    VECTOR("vector"),
    SCALAR("scalar");

    private final String id;

    Impl(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static Impl parse(String name) { return EnumIds.parse(values(), Impl::id, name, "impl"); }

    @Override
    public String toString() { return id; }
}
