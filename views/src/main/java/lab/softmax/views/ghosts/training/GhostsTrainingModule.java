package lab.softmax.views.ghosts.training;

import java.nio.file.Path;
import lab.softmax.engine.ghosts.GhostsState;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Ghosts lab's step-size safety page (scenarios of lab "ghosts-training"). */
public final class GhostsTrainingModule implements LabModule {
    private final Path digitsFile;

    /** @param digitsFile the shipped digits.csv.gz (read only when the digits data set is chosen) */
    public GhostsTrainingModule(Path digitsFile) { this.digitsFile = digitsFile; }

    @Override
    public String title() { return "Ghosts: step-size safety"; }

    @Override
    public ScenarioType<?> scenarioType() { return GhostsState.TYPE; }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new TrainingPage(tasks, digitsFile); }
}
