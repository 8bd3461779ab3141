package lab.softmax.app.cli;

import picocli.CommandLine.Command;

/** The top-level command; each lab adds its subcommands here. */
@Command(name = "softmax-lab", mixinStandardHelpOptions = true, version = "Softmax Lab 0.1.0",
        description = "Softmax Lab: see how softmax and attention behave. Without a command the desktop app opens.",
        subcommands = {
                SoftmaxCommand.class,
                NormalizeCommand.class,
                BenchCommand.class,
                GhostsCommand.class,
                GhostsBenchCommand.class,
                TrainCommand.class,
                SnapshotCommand.class,
                ScenarioCommand.class,
        })
public final class SoftmaxLabCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
