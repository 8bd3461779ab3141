package lab.softmax.views.kernels;

import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.kernels.KernelsState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Kernels lab with the shell. */
public final class KernelsModule implements LabModule {
    @Override
    public String title() { return "Kernels"; }

    @Override
    public ScenarioType<?> scenarioType() { return KernelsState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new KernelsPage(tasks); }

    @Override
    public String summary() {
        return "Softmax as a real kernel: three-pass, two-pass and online softmax timed live against this machine's memory bandwidth, with the bytes each moves per element.";
    }
}
