package lab.softmax.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Parent of the training experiments; each lab adds its subcommand here (one line each). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training experiments that stream one JSON line per step with --json.",
        subcommands = {
                TrainStepSafetyCommand.class,
                TrainStepSweepCommand.class,
        })
public final class TrainCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
