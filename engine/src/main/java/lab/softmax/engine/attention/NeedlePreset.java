package lab.softmax.engine.attention;

import lab.softmax.engine.io.InputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The needle task's presets (docs/labs/attention.md). */
public enum NeedlePreset {
    /** Dilution: d = 32 unit-norm keys, query noise 0.3, weight decay 0.05, 1500 steps. */
    DEFAULT("default"),
    /**
     * The honest boundary: d = 16, unnormalised keys, query noise 1.0, weight decay 0.02. Distractors
     * genuinely match the query, dilution is statistical and temperature cannot help.
     */
    NEGATIVE_CONTROL("negative-control"),
    /** As default with 500 steps. */
    QUICK("quick");

    static final int[] TRAIN_LENGTHS = {8, 16, 32, 64, 128, 256};
    static final int[] EVAL_LENGTHS = {8, 64, 256, 1024, 4096};

    private final String id;

    NeedlePreset(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    public NeedleConfig config(long seed) {
        return switch (this) {
            case DEFAULT -> base(32, true, 0.3, 0.05, 1500, seed);
            case NEGATIVE_CONTROL -> base(16, false, 1.0, 0.02, 1500, seed);
            case QUICK -> base(32, true, 0.3, 0.05, 500, seed);
        };
    }

    private static NeedleConfig base(int d, boolean normalise, double noise, double wd, int steps, long seed) {
        return new NeedleConfig(d, 16, normalise, noise, 0.02, 64, steps, TRAIN_LENGTHS, EVAL_LENGTHS, 512, wd, 1.5, 0.01,
                seed, 0, 64);
    }

    @JsonCreator
    public static NeedlePreset parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (NeedlePreset p : values()) {
            if (p.id.equals(key)) return p;
        }
        throw new InputException("", "unknown preset '" + name + "' (expected default, negative-control or quick)");
    }

    @Override
    public String toString() { return id; }
}
