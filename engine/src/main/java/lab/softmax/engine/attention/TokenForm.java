package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The argument f of SSA's token term tanh(f): both reuse the query q_i = W_q x_i of the head
 * (weight sharing), so a head adds only the vector u.
 */
public enum TokenForm {
    /** f = u·q_i (the command line's simplified form). */
    LINEAR("linear"),
    /** f = uᵀ GELU(q_i) = uᵀ GELU(W_q x_i) (the paper's weight-shared form; GELU in its tanh approximation, as GPT-2). */
    GELU("gelu");

    private final String id;

    TokenForm(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    /** f's input feature for one query coordinate. */
    public double feature(double q) {
        return this == LINEAR ? q : gelu(q);
    }

    /** GELU, tanh approximation: 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³))). */
    public static double gelu(double x) {
        double c = Math.sqrt(2 / Math.PI);
        return 0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x)));
    }

    @JsonCreator
    public static TokenForm parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (TokenForm f : values()) {
            if (f.id.equals(key)) return f;
        }
        throw new InputException("", "unknown token form '" + name + "' (expected linear or gelu)");
    }

    @Override
    public String toString() { return id; }
}
