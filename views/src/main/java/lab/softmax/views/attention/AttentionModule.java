package lab.softmax.views.attention;

import lab.softmax.engine.attention.AttentionState;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Attention lab (temperature, masks, Selective Attention, dilution) with the shell. */
public final class AttentionModule implements LabModule {
    @Override
    public String title() { return "Attention"; }

    @Override
    public ScenarioType<?> scenarioType() { return AttentionState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new AttentionPage(tasks); }

    @Override
    public String summary() {
        return "Attention maps under temperature, masks and Selective Attention, and a model trained live: how attention dilutes as the context grows, and how a position-dependent temperature keeps it sharp.";
    }
}
