package lab.softmax.views.distributions;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Distributions lab with the shell. */
public final class DistributionsModule implements LabModule {
    private final Supplier<List<Path>> presets;

    /** @param presets the logits files offered as presets (sample-data/logits) */
    public DistributionsModule(Supplier<List<Path>> presets) { this.presets = presets; }

    @Override
    public String title() { return "Distributions"; }

    @Override
    public ScenarioType<?> scenarioType() { return DistributionsState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new DistributionsPage(tasks, presets); }

    @Override
    public String summary() {
        return "Logits in, probabilities out: softmax and its rivals under temperature, in fp64, fp32, fp16 or bf16, with every overflow, underflow and absorbed term shown.";
    }
}
