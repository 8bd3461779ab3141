package lab.softmax.app.cli.moe;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `moe`: the MoE gating lab's commands (gate, fit). */
@Command(name = "moe", mixinStandardHelpOptions = true, subcommands = {MoeGateCommand.class, MoeFitCommand.class},
        description = {"The MoE gating lab: top-K sparse softmax gating (which experts each input reaches, with which",
                "weights, and the load of a batch) and the convergence of a top-K gated Gaussian mixture of experts."})
public final class MoeCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
