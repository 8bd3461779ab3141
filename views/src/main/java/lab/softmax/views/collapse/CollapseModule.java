package lab.softmax.views.collapse;

import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Collapse lab (Softmax Collapse, StableMax, ⊥Grad) with the shell. */
public final class CollapseModule implements LabModule {
    @Override
    public String title() { return "Collapse"; }

    @Override
    public ScenarioType<?> scenarioType() { return CollapseState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new CollapsePage(tasks); }

    @Override
    public String summary() {
        return "Grokking trained live: the logits grow until the softmax sum rounds to 1 and learning stops (Softmax Collapse), and what StableMax and ⊥Grad change.";
    }
}
