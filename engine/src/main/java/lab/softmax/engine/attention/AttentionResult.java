package lab.softmax.engine.attention;

import java.util.List;
import lab.softmax.engine.numeric.Precision;

/**
 * Every head's map and the concatenated output [n][h·d_v]. Arrays are not copied: read-only.
 */
public record AttentionResult(List<HeadResult> heads, double[][] output, Precision precision) {
    public AttentionResult {
        heads = List.copyOf(heads);
    }

    public HeadResult head(int h) { return heads.get(h); }

    /** The {@code attention map} JSON shape for head h. */
    public AttentionMap map(int h) {
        HeadResult r = heads.get(h);
        return new AttentionMap(r.weights(), r.entropy(), output);
    }
}
