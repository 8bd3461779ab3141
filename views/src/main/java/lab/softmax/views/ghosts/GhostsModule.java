package lab.softmax.views.ghosts;

import java.nio.file.Path;
import java.util.function.Supplier;
import lab.softmax.engine.ghosts.GhostsPlaneState;
import lab.softmax.engine.ghosts.training.GhostsTrainingState;
import lab.softmax.engine.io.ScenarioType;
import lab.softmax.views.common.BackgroundTasks;
import lab.softmax.views.common.LabModule;
import lab.softmax.views.common.LabPage;

/** Registers the Ghosts lab with the shell: it opens plane scenarios and training scenarios. */
public final class GhostsModule implements LabModule {
    private final Supplier<Path> digitsFile;

    /** @param digitsFile where the shipped digits data set is (sample-data/data/digits.csv.gz) */
    public GhostsModule(Supplier<Path> digitsFile) { this.digitsFile = digitsFile; }

    @Override
    public String title() { return "Ghosts"; }

    @Override
    public ScenarioType<?> scenarioType() { return GhostsPlaneState.TYPE; }

    @Override
    public boolean opens(String scenarioLab) {
        return scenarioLab.equals(GhostsPlaneState.TYPE.lab()) || scenarioLab.equals(GhostsTrainingState.TYPE.lab());
    }

    @Override
    public LabPage createPage(BackgroundTasks tasks) { return new GhostsPage(tasks, digitsFile.get()); }

    @Override
    public String summary() {
        return "The complex zeros of the softmax partition function along a step: how far a step can go before no Taylor model of the loss can be trusted.";
    }
}
