package lab.softmax.app.cli.ghosts;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.JsonLinesOption;
import lab.softmax.app.cli.JsonOutput;
import lab.softmax.app.cli.Options;
import lab.softmax.engine.ghosts.training.OneStepSweep;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "step-sweep", mixinStandardHelpOptions = true,
        description = {"The Ghosts lab's one-step sweep: train with Adam, then take one step of length r*rho_a along the "
                + "negative full-batch gradient for log-spaced r and record the loss ratio and the test accuracy.",
                "--json streams {r, tau, loss_ratio, train_loss, test_acc, acc_retained, rho_a} per r, then {\"done\":true, "
                        + "rho_a, rho_star, rho_star_over_rho_a, base_loss, base_test_acc}; rho_star is exact over the "
                        + "--rho-star-samples samples with the widest logit spread."})
public final class StepSweepCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin TrainingDataOptions data;

    @Option(names = "--train-steps", defaultValue = "600", description = "Adam steps before the sweep (default: ${DEFAULT-VALUE})")
    int trainSteps;

    @Option(names = "--lr", defaultValue = "1e-2", description = "Adam learning rate for the training (default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--r-min", defaultValue = "1e-2", description = "Smallest r (default: ${DEFAULT-VALUE})")
    double rMin;

    @Option(names = "--r-max", defaultValue = "1e2", description = "Largest r (default: ${DEFAULT-VALUE})")
    double rMax;

    @Option(names = "--points", defaultValue = "41", description = "Log-spaced values of r (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--rho-star-samples", defaultValue = "200", description = "Samples in the exact batch rho*, 0 to skip (default: ${DEFAULT-VALUE})")
    int rhoStarSamples;

    @Option(names = "--seed", defaultValue = "0", description = "Added to the init seed 7 and batch seed 1 (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin JsonLinesOption json;

    @Override
    public Integer call() {
        var ds = data.dataset();
        var m = data.model();
        OneStepSweep.Config cfg = Options.config(() -> new OneStepSweep.Config(ds, m, trainSteps, lr, rMin, rMax, points,
                rhoStarSamples, seed));
        var split = data.load(seed);
        PrintWriter out = spec.commandLine().getOut();
        if (!json.on()) out.printf(Locale.ROOT, "%10s %12s %12s %10s %12s%n", "r", "tau", "loss_ratio", "test_acc", "acc_retained");
        double[] rho = {Double.NaN};
        OneStepSweep.Result res = OneStepSweep.run(cfg, split, p -> {
            if (json.on()) {
                ObjectNode o = JsonOutput.object();
                o.put("r", p.r());
                o.put("tau", p.tau());
                o.put("loss_ratio", p.lossRatio());
                o.put("train_loss", p.trainLoss());
                o.put("test_acc", p.testAcc());
                o.put("acc_retained", p.accuracyRetained());
                o.put("rho_a", p.r() > 0 ? p.tau() / p.r() : rho[0]);
                JsonOutput.printLine(out, o);
            } else {
                out.printf(Locale.ROOT, "%10.4g %12.6g %12.6g %10.4f %12.4f%n", p.r(), p.tau(), p.lossRatio(), p.testAcc(), p.accuracyRetained());
                out.flush();
            }
        }, Progress.NONE, Cancellation.none());
        if (json.on()) {
            ObjectNode done = JsonOutput.object();
            done.put("done", true);
            done.put("rho_a", res.rhoA());
            done.put("rho_star", res.rhoStar());
            done.put("rho_star_over_rho_a", res.rhoStar() / res.rhoA());
            done.put("bottleneck_sample", res.bottleneckSample());
            done.put("base_loss", res.baseLoss());
            done.put("base_test_acc", res.baseTestAcc());
            JsonOutput.printLine(out, done);
        } else {
            out.printf(Locale.ROOT, "rho_a %.6g, exact batch rho* %.6g (ratio %.4g), loss before the step %.6g, test accuracy %.4f%n",
                    res.rhoA(), res.rhoStar(), res.rhoStar() / res.rhoA(), res.baseLoss(), res.baseTestAcc());
        }
        return Cli.OK;
    }
}
