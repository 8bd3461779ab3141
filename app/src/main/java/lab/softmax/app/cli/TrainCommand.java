package lab.softmax.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `train`: training experiments that stream JSON Lines; each lab adds its subcommand here (one line each). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training experiments that stream one JSON line per logged epoch/step.",
        subcommands = {
                TrainGrokkingCommand.class,
                TrainStepSafetyCommand.class,
                TrainStepSweepCommand.class,
                TrainStepMapCommand.class,
        })
public final class TrainCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
