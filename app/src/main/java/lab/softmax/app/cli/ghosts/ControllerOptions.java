package lab.softmax.app.cli.ghosts;

import lab.softmax.app.cli.Options;
import lab.softmax.engine.ghosts.training.Choices;
import picocli.CommandLine.Option;

/** The optimiser and step controller of the Ghosts lab's training runs: {@code --optimizer}, {@code --controller}, {@code --clip-norm}. */
public final class ControllerOptions {
    @Option(names = "--optimizer", defaultValue = "adam", description = "adam (0.9, 0.999, 1e-8) or sgd (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(names = "--controller", defaultValue = "none", description = "none, clip or rho (default: ${DEFAULT-VALUE})")
    String controller;

    @Option(names = "--clip-norm", defaultValue = "1", description = "Gradient norm bound for clip (default: ${DEFAULT-VALUE})")
    double clipNorm;

    public Choices.OptimizerKind optimizer() { return Options.parse(() -> Choices.OptimizerKind.parse(optimizer), "--optimizer"); }

    public Choices.Controller controller() { return Options.parse(() -> Choices.Controller.parse(controller), "--controller"); }

    public double clipNorm() { return clipNorm; }
}
