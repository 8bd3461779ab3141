package lab.softmax.engine.distributions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The normalisers of the Distributions lab, by their command-line names. */
public enum NormalizerKind {
    SOFTMAX("softmax", "softmax", new Softmax()),
    STABLEMAX("stablemax", "StableMax", new StableMax()),
    SPARSEMAX("sparsemax", "sparsemax", new Sparsemax()),
    ENTMAX15("entmax15", "entmax-1.5", new Entmax15()),
    SOFTPLUS("softplus", "softplus-normalised", new SoftplusNormalizer());

    private final String id;
    private final String label;
    private final Normalizer normalizer;

    NormalizerKind(String id, String label, Normalizer normalizer) {
        this.id = id;
        this.label = label;
        this.normalizer = normalizer;
    }

    @JsonValue
    public String id() { return id; }

    public String label() { return label; }

    public Normalizer normalizer() { return normalizer; }

    @JsonCreator
    public static NormalizerKind parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (NormalizerKind k : values()) {
            if (k.id.equals(key)) return k;
        }
        throw new IllegalArgumentException("unknown normalizer '" + name + "' (expected "
                + Arrays.stream(values()).map(NormalizerKind::id).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() { return id; }
}
