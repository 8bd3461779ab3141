package lab.softmax.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.softmax.views.collapse.CollapseModule;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.distributions.DistributionsModule;
import lab.softmax.views.ghosts.GhostsModule;
import lab.softmax.views.kernels.KernelsModule;

/** The labs the app shows, in navigation order. A lab appears here only once it exists. */
public final class Labs {
    private Labs() { }

    public static List<LabModule> all() {
        return List.of(
                new KernelsModule(),
                new DistributionsModule(Labs::logitPresets),
                new GhostsModule(() -> SampleData.directory().resolve("data/digits.csv.gz")),
                new CollapseModule());
    }

    public static Optional<LabModule> byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
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
