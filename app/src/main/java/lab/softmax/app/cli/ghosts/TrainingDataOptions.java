package lab.softmax.app.cli.ghosts;

import java.nio.file.Path;
import lab.softmax.app.SampleData;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.ghosts.training.Choices;
import lab.softmax.engine.ghosts.training.Dataset;
import lab.softmax.engine.ghosts.training.StepSafetyData;
import picocli.CommandLine.Option;

/** The data set and model of the Ghosts lab's training commands: {@code --dataset}, {@code --model}, {@code --digits-file}. */
public final class TrainingDataOptions {
    @Option(names = "--dataset", defaultValue = "blobs", description = "blobs, blobs-hard or digits (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--model", defaultValue = "mlp", description = "linear, mlp, mlp-ln, transformer, cnn or cnn-bn (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--digits-file", description = "digits.csv.gz (default: sample-data/data/digits.csv.gz)")
    Path digitsFile;

    public Choices.DatasetKind dataset() { return Options.parse(() -> Choices.DatasetKind.parse(dataset), "--dataset"); }

    public Choices.ModelKind model() { return Options.parse(() -> Choices.ModelKind.parse(model), "--model"); }

    /** The data set's train/test split for this seed (digits from --digits-file or the shipped copy). */
    public Dataset.Split load(long seed) {
        Path digits = digitsFile != null ? digitsFile : SampleData.directory().resolve("data").resolve("digits.csv.gz");
        return StepSafetyData.load(dataset(), seed, digits);
    }
}
