package lab.softmax.views.ghosts;

import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Ghosts lab with the shell. */
public final class GhostsModule implements LabModule {
    @Override
    public String title() { return "Ghosts"; }

    @Override
    public ScenarioType<?> scenarioType() { return GhostsPlaneState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new GhostsPage(tasks); }
}
