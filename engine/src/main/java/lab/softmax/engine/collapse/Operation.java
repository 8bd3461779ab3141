package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/** The modular-arithmetic task: target = op(x, y) mod p. */
public enum Operation {
    ADD("add"), SUB("sub"), MUL("mul");

    private final String id;

    Operation(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    public int apply(int x, int y, int p) {
        return switch (this) {
            case ADD -> (x + y) % p;
            case SUB -> Math.floorMod(x - y, p);
            case MUL -> (int) ((long) x * y % p);
        };
    }

    @JsonCreator
    public static Operation parse(String s) { return EnumIds.parse(values(), Operation::id, s, "operation"); }
}
