package lab.softmax.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.softmax.app.cli.attention.AttentionCommand;
import lab.softmax.app.cli.collapse.CollapseTrainCommand;
import lab.softmax.app.cli.distributions.NormalizeCommand;
import lab.softmax.app.cli.ghosts.GhostsBenchCommand;
import lab.softmax.app.cli.ghosts.GhostsCommand;
import lab.softmax.app.cli.ghosts.StepMapCommand;
import lab.softmax.app.cli.ghosts.StepSafetyCommand;
import lab.softmax.app.cli.ghosts.StepSweepCommand;
import lab.softmax.app.cli.kernels.BenchCommand;
import lab.softmax.app.cli.kernels.SoftmaxCommand;
import lab.softmax.app.cli.moe.MoeCommand;
import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.views.attention.AttentionModule;
import lab.softmax.views.collapse.CollapseModule;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.distributions.DistributionsModule;
import lab.softmax.views.ghosts.GhostsModule;
import lab.softmax.views.kernels.KernelsModule;
import lab.softmax.views.moe.MoeModule;

/**
 * The one registration point of a lab: {@link #REGISTERED} in navigation order. The window's
 * navigation, the scenario formats ({@link ScenarioTypes}), {@code snapshot --view} and the command
 * line are all derived from it.
 */
public final class Labs {
    public static final List<Lab> REGISTERED = List.of(
            new Lab("kernels", List.of(KernelsState.TYPE), () -> new KernelsModule(),
                    List.of(SoftmaxCommand.class, BenchCommand.class), List.of()),
            new Lab("distributions", List.of(DistributionsState.TYPE), () -> new DistributionsModule(Labs::logitPresets),
                    List.of(NormalizeCommand.class), List.of()),
            new Lab("attention", List.of(AttentionState.TYPE), () -> new AttentionModule(),
                    List.of(AttentionCommand.class), List.of(), List.of("kernels", "distributions")),
            new Lab("moe", List.of(MoeState.TYPE), () -> new MoeModule(), List.of(MoeCommand.class), List.of()),
            new Lab("ghosts", List.of(GhostsPlaneState.TYPE, GhostsTrainingState.TYPE),
                    () -> new GhostsModule(() -> SampleData.directory().resolve("data/digits.csv.gz")),
                    List.of(GhostsCommand.class, GhostsBenchCommand.class),
                    List.of(StepSafetyCommand.class, StepSweepCommand.class, StepMapCommand.class)),
            new Lab("collapse", List.of(CollapseState.TYPE), () -> new CollapseModule(),
                    List.of(), List.of(CollapseTrainCommand.class)));

    private Labs() { }

    /** A fresh page module per lab, in navigation order. */
    public static List<LabModule> all() {
        return REGISTERED.stream().map(lab -> lab.module().get()).toList();
    }

    public static Optional<LabModule> byId(String id) {
        return REGISTERED.stream().filter(lab -> lab.id().equals(id)).findFirst().map(lab -> lab.module().get());
    }

    /** Every lab's scenario formats. */
    public static List<ScenarioType<?>> scenarioTypes() {
        return REGISTERED.stream().flatMap(lab -> lab.scenarioTypes().stream()).toList();
    }

    /** sample-data/logits/*: the logit vectors offered as presets. */
    static List<Path> logitPresets() {
        Path dir = SampleData.directory().resolve("logits");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
