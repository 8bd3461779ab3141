package lab.softmax.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `train`: training experiments that stream JSON Lines; {@link Cli} adds each lab's subcommands (from {@code Labs}). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training experiments that stream one JSON line per logged epoch/step.")
public final class TrainCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
