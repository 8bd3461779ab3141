package lab.softmax.engine.ghosts.training;

import java.nio.file.Path;
import lab.softmax.engine.ghosts.training.Choices.DatasetKind;
import lab.softmax.engine.ghosts.training.Choices.ModelKind;

/** Data sets and models of the step-safety experiment. */
public final class StepSafetyData {
    public static final int BLOBS_HIDDEN = 64;
    public static final int DIGITS_HIDDEN = 128;

    private StepSafetyData() { }

    /** @param digitsFile digits.csv.gz (only read for the digits data set); seed drives the digits split */
    public static Dataset.Split load(DatasetKind kind, long seed, Path digitsFile) {
        return switch (kind) {
            case BLOBS -> Blobs.generate(Blobs.SEPARATION);
            case BLOBS_HARD -> Blobs.generate(Blobs.HARD_SEPARATION);
            case DIGITS -> Digits.load(digitsFile, seed);
        };
    }

    public static SmallNet model(ModelKind kind, DatasetKind dataset, int features, int classes) {
        if (kind == ModelKind.LINEAR) return SmallNet.linear(features, classes);
        return SmallNet.mlp(features, dataset == DatasetKind.DIGITS ? DIGITS_HIDDEN : BLOBS_HIDDEN, classes);
    }
}
