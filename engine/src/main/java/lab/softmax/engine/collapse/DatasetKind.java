package lab.softmax.engine.collapse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The data set: modular arithmetic on one-hot pairs (bias-free MLP) or sparse parity (MLP with biases). */
public enum DatasetKind {
    MODULAR("modular"), SPARSE_PARITY("sparse-parity");

    private final String id;

    DatasetKind(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static DatasetKind parse(String s) {
        String key = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (DatasetKind t : values()) if (t.id.equals(key)) return t;
        throw new IllegalArgumentException("unknown task '" + s + "' (expected modular or sparse-parity)");
    }
}
