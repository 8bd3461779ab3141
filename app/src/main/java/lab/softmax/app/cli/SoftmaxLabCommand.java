package lab.softmax.app.cli;

import picocli.CommandLine.Command;

/** The top-level command; {@link Cli} adds every lab's commands (from {@code Labs}), then train, snapshot and scenario. */
@Command(name = "softmax-lab", mixinStandardHelpOptions = true, version = "Softmax Lab 0.1.0",
        description = "Softmax Lab: see how softmax and attention behave. Without a command the desktop app opens.")
public final class SoftmaxLabCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
