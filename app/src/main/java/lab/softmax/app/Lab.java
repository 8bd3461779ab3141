package lab.softmax.app;

import java.util.List;
import java.util.function.Supplier;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.views.common.LabModule;

/**
 * Everything the shell and the command line need to know of one lab: its scenario formats, how to
 * build its page (called only when the window or {@code snapshot} needs it) and its commands.
 *
 * @param scenarioTypes the scenario formats the lab reads and writes (the first is its main one)
 * @param module        builds the lab's page module
 * @param commands      top-level picocli command classes of the lab
 * @param trainCommands the lab's subcommands of {@code train}
 * @param builtOn       the other labs whose engine this lab uses on purpose (e.g. Attention's rows go
 *                      through the Kernels lab's softmax); any other dependency between labs fails
 *                      {@code ArchitectureTest}
 */
public record Lab(String id, List<ScenarioType<?>> scenarioTypes, Supplier<LabModule> module,
                  List<Class<?>> commands, List<Class<?>> trainCommands, List<String> builtOn) {
    public Lab {
        scenarioTypes = List.copyOf(scenarioTypes);
        commands = List.copyOf(commands);
        trainCommands = List.copyOf(trainCommands);
        builtOn = List.copyOf(builtOn);
        if (scenarioTypes.isEmpty() || !scenarioTypes.getFirst().lab().equals(id)) {
            throw new IllegalArgumentException(id + ": the first scenario type must carry the lab's id");
        }
    }

    /** A lab that builds on no other lab. */
    public Lab(String id, List<ScenarioType<?>> scenarioTypes, Supplier<LabModule> module,
               List<Class<?>> commands, List<Class<?>> trainCommands) {
        this(id, scenarioTypes, module, commands, trainCommands, List.of());
    }
}
