package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/** The data set: modular arithmetic on one-hot pairs (bias-free MLP) or sparse parity (MLP with biases). */
public enum DatasetKind {
    MODULAR("modular"), SPARSE_PARITY("sparse-parity");

    private final String id;

    DatasetKind(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static DatasetKind parse(String s) { return EnumIds.parse(values(), DatasetKind::id, s, "task"); }
}
