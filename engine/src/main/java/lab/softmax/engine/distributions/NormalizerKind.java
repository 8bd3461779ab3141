package lab.softmax.engine.distributions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

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
    public static NormalizerKind parse(String name) { return EnumIds.parse(values(), NormalizerKind::id, name, "normalizer"); }

    @Override
    public String toString() { return id; }
}
