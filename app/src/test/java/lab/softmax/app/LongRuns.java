package lab.softmax.app;

import javafx.scene.control.TabPane;
import lab.softmax.engine.attention.NeedleMode;
import lab.softmax.engine.collapse.CollapseConfig;
import lab.softmax.engine.ghosts.training.Choices.Controller;
import lab.softmax.views.attention.AttentionPage;
import lab.softmax.views.collapse.CollapsePage;
import lab.softmax.views.collapse.RunEntry;
import lab.softmax.views.common.LabPage;
import lab.softmax.views.ghosts.GhostsPage;
import lab.softmax.views.kernels.KernelsPage;
import lab.softmax.views.moe.MoePage;

/** The long computation of each lab, with its shipped defaults, driven as its Start and Cancel buttons do. */
final class LongRuns {
    private LongRuns() { }

    /** The long computation of the lab with this navigation title: Collapse, Ghosts, Kernels, Attention or MoE gating. */
    static LongRun of(String lab, LabPage page) {
        return switch (lab) {
            case "Collapse" -> collapse(page);
            case "Ghosts" -> ghostsTraining(page);
            case "Kernels" -> kernels(page);
            case "Attention" -> attention(page);
            case "MoE gating" -> moe(page);
            default -> throw new IllegalArgumentException("lab: no long run for " + lab);
        };
    }

    /** The paper's model (mod 113, 200×200, fp32 softmax CE), logged every 10 epochs, for as long as it is let run. */
    static LongRun collapse(LabPage labPage) {
        return collapse((CollapsePage) labPage, CollapseConfig.defaults().withEpochs(1_000_000, 10));
    }

    /** The paper's task and settings with other hidden layers, logging every epoch, for up to {@code epochs} epochs. */
    static CollapseConfig collapseModel(java.util.List<Integer> hidden, int epochs) {
        CollapseConfig d = CollapseConfig.defaults();
        return new CollapseConfig(d.task(), d.operation(), d.modulus(), d.trainFraction(), hidden, d.optimizer(), d.lr(),
                d.beta1(), d.beta2(), d.eps(), d.momentum(), d.weightDecay(), d.loss(), d.lossPrecision(), d.orthograd(),
                epochs, 1, d.seed(), d.parityBits(), d.noiseBits(), d.paritySamples());
    }

    static LongRun collapse(CollapsePage page, CollapseConfig config) {
        RunEntry[] current = new RunEntry[1];
        var model = page.model();
        return new LongRun("Collapse training " + config.hidden(), () -> {
            model.draftProperty().set(config);
            current[0] = model.addRun("live");
            model.start(current[0]);
        }, () -> model.pause(current[0]), () -> model.busyProperty().get(),
                () -> current[0] == null ? 0 : current[0].metrics().size());
    }

    /** The spike test (blobs, three policies) on the Ghosts lab's training tab. */
    static LongRun ghostsTraining(LabPage labPage) {
        GhostsPage page = (GhostsPage) labPage;
        ((TabPane) page.view()).getSelectionModel().select(1);
        var model = page.trainingModel();
        return new LongRun("Ghosts training (spike test)", model::run, model::cancel, () -> model.busyProperty().get(),
                () -> model.steps(Controller.NONE).size() + model.steps(Controller.CLIP).size() + model.steps(Controller.RHO).size());
    }

    /** The benchmark of the default kernels and sizes, bandwidth probe first. */
    static LongRun kernels(LabPage labPage) {
        var model = ((KernelsPage) labPage).model();
        return new LongRun("Kernels benchmark", model::run, model::cancel, () -> model.busyProperty().get(),
                () -> model.results().size());
    }

    /** Vanilla vs SSA on the needle task, on the Dilution tab. */
    static LongRun attention(LabPage labPage) {
        AttentionPage page = (AttentionPage) labPage;
        page.showTab("dilution");
        var model = page.model().dilution();
        return new LongRun("Attention training (dilution)", model::train, model::cancel, () -> model.busyProperty().get(), () -> {
            var step = model.lastStep(NeedleMode.SSA);
            return step == null ? 0 : step.step();
        });
    }

    /** The convergence experiment with the lab's default cases and sample sizes, on the Convergence tab. */
    static LongRun moe(LabPage labPage) {
        MoePage page = (MoePage) labPage;
        page.showTab("convergence");
        var model = page.model().convergence();
        return new LongRun("MoE convergence", model::run, model::cancel, () -> model.busyProperty().get(),
                () -> model.fits().size());
    }
}
