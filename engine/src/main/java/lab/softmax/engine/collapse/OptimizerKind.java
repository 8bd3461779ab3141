package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

public enum OptimizerKind {
    ADAMW("adamw"), SGD("sgd");

    private final String id;

    OptimizerKind(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static OptimizerKind parse(String s) { return EnumIds.parse(values(), OptimizerKind::id, s, "optimizer"); }
}
