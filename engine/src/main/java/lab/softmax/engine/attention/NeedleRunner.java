package lab.softmax.engine.attention;

import java.util.List;
import java.util.Locale;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * Prints the needle task's figures for a preset (the numbers in docs/labs/attention.md):
 * {@code java ... lab.softmax.engine.attention.NeedleRunner [preset] [seed] [steps] [weight-decay]}, or
 * {@code NeedleRunner denoise [seed]} for the value-denoising demo. Not the CLI; a
 * stand-alone measurement until {@code attention train} is wired.
 */
public final class NeedleRunner {
    private NeedleRunner() { }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("denoise")) {
            long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
            ValueDenoising.Result r = ValueDenoising.run(ValueDenoising.Config.defaults(seed), Progress.NONE, Cancellation.none());
            System.out.printf(Locale.ROOT, "denoise seed %d: MSE vanilla %.4f value-selective %.4f naive mean %.4f Bayes %.4f; value tau %s%n",
                    seed, r.vanillaMse(), r.valueSelectiveMse(), r.naiveMeanMse(), r.bayesMse(), java.util.Arrays.toString(r.valueTau()));
            return;
        }
        NeedlePreset preset = args.length > 0 ? NeedlePreset.parse(args[0]) : NeedlePreset.DEFAULT;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        NeedleConfig c = preset.config(seed);
        if (args.length > 2) c = c.withSteps(Integer.parseInt(args[2]));
        if (args.length > 3) c = c.withWeightDecay(Double.parseDouble(args[3]));
        long t0 = System.nanoTime();
        long[] trainEnd = new long[1];
        final int steps = c.steps();
        List<NeedleResult> results = NeedleTrainer.trainBoth(c, Progress.NONE, Cancellation.none(), step -> {
            if (step.step() == steps && step.mode() == NeedleMode.SSA) trainEnd[0] = System.nanoTime();
        });
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "preset %s seed %d steps %d wd %.3g: training %.1f s, evaluation %.1f s%n", preset, seed,
                c.steps(), c.weightDecay(), (trainEnd[0] - t0) / 1e9, (t1 - trainEnd[0]) / 1e9);
        for (NeedleResult r : results) {
            NeedleLearned l = r.learned();
            System.out.printf(Locale.ROOT, "%s: beta %s s %s |u| %.4f |W|_F %.4f%n", r.mode(), l.beta(), l.s(), l.uNorm(), l.wFrobenius());
            System.out.println("      n  needle_w  a_t>0.5  H/ln n      mse  value_acc  mean_tau");
            for (NeedleEval e : r.eval()) {
                System.out.printf(Locale.ROOT, "  %5d  %8.4f  %7.4f  %6.4f  %7.4f  %9.4f  %8.4f%n", e.n(), e.needleWeight(),
                        e.needleAboveHalf(), e.entropyOverLogN(), e.mse(), e.valueAccuracy(), e.meanTau());
            }
        }
    }
}
