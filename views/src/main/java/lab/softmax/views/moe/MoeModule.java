package lab.softmax.views.moe;

import lab.softmax.engine.io.ScenarioType;
import lab.softmax.engine.moe.MoeState;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the MoE gating lab (top-K regions, routers and load, convergence rates) with the shell. */
public final class MoeModule implements LabModule {
    @Override
    public String title() { return "MoE gating"; }

    @Override
    public ScenarioType<?> scenarioType() { return MoeState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new MoePage(tasks); }

    @Override
    public String summary() {
        return "Top-K sparse softmax gating: which experts win where in the input plane, how routers balance load, and how fast a Gaussian mixture of experts is learned.";
    }
}
