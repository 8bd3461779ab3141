package lab.softmax.app.cli.attention;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `attention`: the Attention lab's commands (map, train, denoise, bench). */
@Command(name = "attention", mixinStandardHelpOptions = true,
        subcommands = {AttentionMapCommand.class, AttentionTrainCommand.class, AttentionDenoiseCommand.class,
                AttentionBenchCommand.class},
        description = {"The Attention lab: attention maps under temperature, masks and Selective Attention (SSA),",
                "the needle task (vanilla vs SSA as the context grows) and the value-denoising demo."})
public final class AttentionCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
