package lab.softmax.engine.ghosts.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import lab.softmax.engine.io.EnumIds;

/** The named choices of the step-safety experiment, with their command-line/scenario ids. */
public final class Choices {
    private Choices() { }

    /** blobs (separation 1.6), blobs-hard (0.8), digits (the paper's data set). */
    public enum DatasetKind {
        BLOBS("blobs"), BLOBS_HARD("blobs-hard"), DIGITS("digits");

        private final String id;

        DatasetKind(String id) { this.id = id; }

        @JsonValue
        public String id() { return id; }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static DatasetKind parse(String s) { return EnumIds.parse(values(), DatasetKind::id, s, "dataset"); }
    }

    /**
     * linear softmax regression; the ReLU MLP (20→64→10 on blobs, the paper's 64→128→10 on digits); and the
     * paper's architecture-grid models (built for digits' 64 pixels, usable on any data): MLP+LayerNorm
     * 3 × (64, LN, GELU), the one-block Transformer (d = 32, FFN 4d), the 1-D CNN with two Conv1d(32)
     * with or without BatchNorm.
     */
    public enum ModelKind {
        LINEAR("linear"), MLP("mlp"), MLP_LN("mlp-ln"), TRANSFORMER("transformer"), CNN("cnn"), CNN_BN("cnn-bn");

        private final String id;

        ModelKind(String id) { this.id = id; }

        @JsonValue
        public String id() { return id; }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static ModelKind parse(String s) { return EnumIds.parse(values(), ModelKind::id, s, "model"); }
    }

    public enum OptimizerKind {
        ADAM("adam"), SGD("sgd");

        private final String id;

        OptimizerKind(String id) { this.id = id; }

        @JsonValue
        public String id() { return id; }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static OptimizerKind parse(String s) { return EnumIds.parse(values(), OptimizerKind::id, s, "optimizer"); }
    }

    /** none: plain optimiser; clip: ‖g‖ ≤ clip-norm before the optimiser; rho: s = min(1, ρ_a/‖p‖). */
    public enum Controller {
        NONE("none"), CLIP("clip"), RHO("rho");

        private final String id;

        Controller(String id) { this.id = id; }

        @JsonValue
        public String id() { return id; }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Controller parse(String s) { return EnumIds.parse(values(), Controller::id, s, "controller"); }
    }
}
