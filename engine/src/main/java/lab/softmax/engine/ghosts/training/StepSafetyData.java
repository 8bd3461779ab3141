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

    /** The paper's widths: MLP+LN 3 × 64, Transformer d = 32, CNN 32 channels. */
    public static final int MLP_LN_WIDTH = 64;
    public static final int MLP_LN_DEPTH = 3;
    public static final int TRANSFORMER_DIM = 32;
    public static final int CNN_CHANNELS = 32;

    /** A fresh model of this kind for the data set's feature count and classes (the CNN reads the features as a 1-D signal). */
    public static StepSafetyModel model(ModelKind kind, DatasetKind dataset, int features, int classes) {
        return switch (kind) {
            case LINEAR -> SmallNet.linear(features, classes);
            case MLP -> SmallNet.mlp(features, dataset == DatasetKind.DIGITS ? DIGITS_HIDDEN : BLOBS_HIDDEN, classes);
            case MLP_LN -> new MlpLayerNorm(features, MLP_LN_WIDTH, MLP_LN_DEPTH, classes);
            case TRANSFORMER -> new TinyTransformer(features, TRANSFORMER_DIM, classes);
            case CNN -> new ConvNet(features, CNN_CHANNELS, classes, false);
            case CNN_BN -> new ConvNet(features, CNN_CHANNELS, classes, true);
        };
    }
}
