package lab.softmax.app.cli.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.engine.collapse.CollapseRun;
import lab.softmax.engine.collapse.CollapseState;
import lab.softmax.engine.collapse.EpochMetrics;
import org.junit.jupiter.api.Test;

/**
 * What docs/labs/collapse.md says about each shipped preset with recorded runs, read back from the
 * preset files: every table cell and every stated threshold, onset and range, not only the first and
 * last epoch. Figures in the doc are rounded: a percentage given to 0.1 point matches within 0.05
 * point, an integer within 0.5.
 */
class CollapsePresetClaimsTest {
    private static final Path DIR = Path.of("..", "sample-data", "scenarios", "collapse");

    private static CollapseRun run(String preset, String label) {
        CollapseState state = (CollapseState) ScenarioTypes.io().read(DIR.resolve(preset + ".json")).state();
        return state.runs().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(preset + ": no run labelled " + label));
    }

    private static EpochMetrics at(CollapseRun run, int epoch) {
        return run.metrics().stream().filter(m -> m.epoch() == epoch).findFirst()
                .orElseThrow(() -> new AssertionError(run.label() + ": epoch " + epoch + " not logged"));
    }

    private static List<EpochMetrics> from(CollapseRun run, int epoch) {
        return run.metrics().stream().filter(m -> m.epoch() >= epoch).toList();
    }

    /** A row of a doc table: percentages (given to 0.1 point) of one metric at the listed epochs. */
    private static void row(CollapseRun run, ToDoubleFunction<EpochMetrics> fraction, int[] epochs, double[] percent, String what) {
        for (int i = 0; i < epochs.length; i++) {
            assertEquals(percent[i], 100 * fraction.applyAsDouble(at(run, epochs[i])), 0.05 + 1e-9,
                    run.label() + " " + what + " at epoch " + epochs[i]);
        }
    }

    private static void percent(double claimed, double fraction, double rounding, String what) {
        assertEquals(claimed, 100 * fraction, rounding / 2 + 1e-9, what);
    }

    private static int firstEpoch(CollapseRun run, Predicate<EpochMetrics> condition) {
        return run.metrics().stream().filter(condition).mapToInt(EpochMetrics::epoch).findFirst().orElse(-1);
    }

    private static void within(double lo, double hi, List<EpochMetrics> ms, ToDoubleFunction<EpochMetrics> f, String what) {
        for (EpochMetrics m : ms) {
            double v = f.applyAsDouble(m);
            if (!(v >= lo && v <= hi)) fail(what + " at epoch " + m.epoch() + " is " + v + ", outside [" + lo + ", " + hi + "]");
        }
    }

    @Test
    void fig1b() {
        CollapseRun r = run("fig1b", "⊥AdamW, CE fp32");
        int[] epochs = {10, 60, 80, 90, 100, 110, 120, 300};
        row(r, EpochMetrics::trainAcc, epochs, new double[] {5.0, 37.2, 66.9, 84.8, 97.6, 99.9, 100, 100}, "train %");
        row(r, EpochMetrics::testAcc, epochs, new double[] {0.1, 0.5, 11.1, 45.5, 87.8, 99.2, 99.9, 100}, "test %");
        within(0, 0, r.metrics(), EpochMetrics::scFraction, "SC (no SC at any point)");
        within(0, 4.45, r.metrics(), EpochMetrics::meanAbsLogit, "mean |logit| <= 4.4");
        within(0, 5.15, r.metrics(), EpochMetrics::meanTop2Gap, "top-2 gap <= 5.1");
        within(0.555, 0.875, from(r, 10), EpochMetrics::nlmCosine, "NLM cosine 0.56-0.87");
    }

    @Test
    void fig6a() {
        CollapseRun adamw = run("fig6a", "AdamW, CE fp32");
        CollapseRun ortho = run("fig6a", "⊥AdamW, CE fp32");
        CollapseRun sgd = run("fig6a", "⊥SGD, StableMax");
        int[] epochs = {40, 80, 120, 160, 200, 240, 280, 320, 360, 400, 500};
        row(adamw, EpochMetrics::testAcc, epochs, new double[] {0.0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, "test %");
        row(adamw, EpochMetrics::trainAcc, epochs, new double[] {50.3, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, "train %");
        row(ortho, EpochMetrics::testAcc, epochs, new double[] {0.1, 0.7, 70.9, 94.0, 97.8, 99.0, 99.4, 99.4, 99.7, 99.7, 99.5}, "test %");
        row(sgd, EpochMetrics::testAcc, epochs, new double[] {0.4, 0.2, 1.5, 1.3, 6.4, 34.6, 85.2, 89.6, 91.3, 90.9, 96.0}, "test %");
        // AdamW memorises by 80, then only grows the logits: mean |logit| 4.8 -> 7.9, NLM cosine to 0.81
        assertEquals(4.8, at(adamw, 80).meanAbsLogit(), 0.05);
        assertEquals(7.9, at(adamw, 500).meanAbsLogit(), 0.05);
        assertEquals(0.81, at(adamw, 500).nlmCosine(), 0.005);
        assertTrue(at(ortho, 500).testAcc() >= 0.85, "⊥AdamW reaches >= 85 %");
        percent(17, at(sgd, 500).scFraction(), 1, "⊥SGD SC at 500");
        within(0, 0, sgd.metrics(), EpochMetrics::zeroLossFraction, "StableMax zero-loss fraction stays 0");
    }

    @Test
    void fastOrthograd() {
        CollapseRun adamw = run("fast-orthograd", "AdamW, CE fp32");
        CollapseRun ortho = run("fast-orthograd", "⊥AdamW, CE fp32");
        assertEquals(50, firstEpoch(adamw, m -> m.trainAcc() == 1));
        within(1, 1, from(adamw, 50), EpochMetrics::trainAcc, "AdamW train 100 % from 50");
        within(0, 0.0015, from(adamw, 10), EpochMetrics::testAcc, "AdamW test <= 0.1 % after epoch 0");
        row(ortho, EpochMetrics::testAcc, new int[] {100, 150, 200, 400}, new double[] {9.9, 87.1, 95.1, 98.9}, "test %");
    }

    @Test
    void fastPrecision() {
        CollapseRun fp16 = run("fast-precision", "AdamW, CE fp16");
        CollapseRun fp32 = run("fast-precision", "AdamW, CE fp32");
        CollapseRun fp64 = run("fast-precision", "AdamW, CE fp64");
        for (CollapseRun r : List.of(fp16, fp32, fp64)) {
            assertEquals(1.0, at(r, 50).trainAcc(), r.label() + ": train 100 % at 50");
            within(0.975, 1, from(r, 50), EpochMetrics::trainAcc, r.label() + " train from 50 (dips to 98.1 / 97.8 %)");
            within(0, 0.0015, from(r, 50), EpochMetrics::testAcc, r.label() + " test ≈ 0");
        }
        assertEquals(98.1, 100 * at(fp16, 650).trainAcc(), 0.05);
        assertEquals(97.8, 100 * at(fp32, 1800).trainAcc(), 0.05);
        // fp16: SC > 50 % from epoch 100 (mean top-2 gap 8.5)
        assertEquals(100, firstEpoch(fp16, m -> m.scFraction() > 0.5));
        within(0.5 + 1e-12, 1, from(fp16, 100), EpochMetrics::scFraction, "fp16 SC > 50 % from 100");
        assertEquals(8.5, at(fp16, 100).meanTop2Gap(), 0.05);
        // fp32: SC from 1150, 15 % at 1750, then 12-22 %
        assertEquals(1150, firstEpoch(fp32, m -> m.scFraction() > 0));
        percent(15, at(fp32, 1750).scFraction(), 1, "fp32 SC at 1750");
        within(0.115, 0.225, from(fp32, 1750), EpochMetrics::scFraction, "fp32 SC 12-22 % from 1750");
        // fp64: no SC; the mean gap grows steadily to 24.4 at 3000
        within(0, 0, fp64.metrics(), EpochMetrics::scFraction, "fp64 SC");
        assertEquals(24.4, at(fp64, 3000).meanTop2Gap(), 0.05);
        List<EpochMetrics> m = fp64.metrics();
        for (int i = 1; i < m.size(); i++) assertTrue(m.get(i).meanTop2Gap() > m.get(i - 1).meanTop2Gap(), "fp64 gap grows at " + m.get(i).epoch());
        // the jump of the mean |logit| once part of the set has collapsed
        assertEquals(17, at(fp32, 1500).meanAbsLogit(), 0.5);
        assertEquals(189, at(fp32, 1750).meanAbsLogit(), 0.5);
        assertEquals(8, at(fp16, 250).meanAbsLogit(), 0.5);
        assertTrue(at(fp16, 750).meanAbsLogit() >= 199.5, "fp16 mean |logit| 200 by 750");
    }

    @Test
    void fastStableMax() {
        CollapseRun stablemax = run("fast-stablemax", "AdamW, StableMax");
        CollapseRun ce = run("fast-stablemax", "AdamW, CE fp64");
        within(0, 0.0005, from(stablemax, 100), EpochMetrics::testAcc, "StableMax test stays 0");
        assertEquals(200, at(stablemax, 1000).meanAbsLogit(), 5);
        assertEquals(860, at(stablemax, 6000).meanAbsLogit(), 5);
        within(1, 1, from(ce, 100), EpochMetrics::trainAcc, "CE fp64 memorises");
        within(0, 0.0015, from(ce, 100), EpochMetrics::testAcc, "CE fp64 test 0");

        CollapseRun longRun = run("fast-stablemax-long", "AdamW, StableMax");
        CollapseRun longCe = run("fast-stablemax-long", "AdamW, CE fp64");
        percent(0.3, at(longRun, 30000).testAcc(), 0.1, "test at 30k");
        assertEquals(232, at(longRun, 5000).weightNorm(), 0.5);
        assertEquals(598, at(longRun, 20000).weightNorm(), 0.5);
        assertEquals(1112, at(longRun, 30000).weightNorm(), 0.5);
        assertEquals(700, at(longRun, 5000).meanAbsLogit(), 5);
        assertEquals(81_000, at(longRun, 30000).meanAbsLogit(), 500);
        assertEquals(3e-8, at(longRun, 30000).trainLoss(), 0.5e-8);
        within(0, 0.0015, from(longCe, 250), EpochMetrics::testAcc, "CE fp64 test 0 % for all 30k");
        within(0, 0, longCe.metrics(), EpochMetrics::scFraction, "CE fp64 no SC");
        assertEquals(28, at(longCe, 30000).meanTop2Gap(), 0.5);
    }

    @Test
    void fig1a() {
        CollapseRun r = run("fig1a", "AdamW, StableMax (Fig. 1a), 80k epochs");
        int[] epochs = {5000, 10000, 20000, 30000, 40000, 45000, 50000, 55000, 60000, 65000, 68000, 70000, 75000, 80000};
        row(r, EpochMetrics::testAcc, epochs,
                new double[] {0.3, 0.7, 2.4, 10.2, 29.4, 43.0, 57.7, 70.3, 80.6, 87.5, 90.3, 91.9, 93.1, 93.7}, "test %");
        double[] norms = {363, 496, 897, 1620, 2920, 3911, 5220, 6936, 9172, 12_069, 14_191, 15_792, 20_280, 25_846};
        for (int i = 0; i < epochs.length; i++) assertEquals(norms[i], at(r, epochs[i]).weightNorm(), 0.55, "weight norm at " + epochs[i]);
        within(1, 1, from(r, 500), EpochMetrics::trainAcc, "train 100 % from 500");
        within(1, 1, from(r, 500), EpochMetrics::scFraction, "SC formula 1.0 from 500");
        int fifty = firstEpoch(r, m -> m.testAcc() >= 0.5);
        assertTrue(fifty >= 47_000 && fifty < 48_000, "passes 50 % at 47k: " + fifty);
        assertEquals(68_000, firstEpoch(r, m -> m.testAcc() >= 0.9));
        assertEquals(73_500, firstEpoch(r, m -> m.testAcc() >= 0.93));
        assertTrue(at(r, 20000).testAcc() < 0.10, "acceptance bar: < 10 % at 20k holds");
        assertEquals(146, at(r, 500).meanAbsLogit(), 0.5);
        assertEquals(7.7e8, at(r, 80000).meanAbsLogit(), 0.05e8);
        assertEquals(3.9e-16, at(r, 80000).trainLoss(), 0.05e-16);
        assertEquals(75_000, firstEpoch(r, m -> m.zeroLossFraction() > 0));
        percent(0.02, at(r, 75000).zeroLossFraction(), 0.01, "zero loss at 75k");
        percent(1.2, at(r, 77500).zeroLossFraction(), 0.1, "zero loss at 77.5k");
        percent(3.4, at(r, 80000).zeroLossFraction(), 0.2, "zero loss at 80k");
    }

    @Test
    void fig1c() {
        CollapseRun r = run("fig1c", "AdamW, CE fp64 (Fig. 1c), 80k epochs");
        assertEquals(80_000, r.metrics().getLast().epoch(), "the paper's 80k epochs");
        within(1, 1, from(r, 500).stream().filter(m -> m.epoch() < 19_000).toList(), EpochMetrics::trainAcc, "train 100 % from 500");
        percent(99.6, at(r, 19_000).trainAcc(), 0.05, "train dip at 19k");
        percent(98.8, at(r, 25_500).trainAcc(), 0.05, "train dip at 25.5k");
        percent(93.6, at(r, 32_000).trainAcc(), 0.05, "train dip at 32k");
        within(0, 0.0079, r.metrics(), EpochMetrics::testAcc, "test never above 0.78 %");
        within(0, 0.0065, r.metrics().stream().filter(m -> m.epoch() >= 1000).toList(), EpochMetrics::testAcc, "test <= 0.64 % after 1000");
        // a collapsed sample has zero loss when its top logit is the target: every one while train accuracy is 100 %
        for (EpochMetrics m : r.metrics()) {
            if (m.trainAcc() == 1) assertEquals(m.scFraction(), m.zeroLossFraction(), "SC and zero loss together at " + m.epoch());
        }
        assertEquals(5000, firstEpoch(r, m -> m.scFraction() > 0));
        percent(0.02, at(r, 5000).scFraction(), 0.01, "SC at 5k");
        percent(19, at(r, 5500).scFraction(), 1, "SC at 5.5k");
        assertEquals(12_000, firstEpoch(r, m -> m.scFraction() > 0.5), "sc50_epoch");
        within(0.455, 1, from(r, 12000), EpochMetrics::scFraction, "SC 46-100 % from 12k");
        percent(92, at(r, 80_000).scFraction(), 1, "SC at 80k");
        assertEquals(18.5, at(r, 2500).meanAbsLogit(), 0.05);
        assertEquals(511, at(r, 15000).meanAbsLogit(), 0.5);
        assertEquals(1052, at(r, 50000).meanAbsLogit(), 0.5);
        assertEquals(1393, at(r, 80000).meanAbsLogit(), 0.5);
        within(0, 305.5, r.metrics(), EpochMetrics::weightNorm, "weight norm grows only to 305");
        assertEquals(305, at(r, 80000).weightNorm(), 0.5);
    }

    /** The SC cells of a doc table: whole numbers are rounded to 1 point, the rest to 0.1. */
    private static void scRow(CollapseRun run, int[] epochs, double[] percent) {
        for (int i = 0; i < epochs.length; i++) {
            double rounding = percent[i] == Math.rint(percent[i]) && percent[i] != 0 ? 1 : 0.1;
            percent(percent[i], at(run, epochs[i]).scFraction(), rounding, run.label() + " SC at " + epochs[i]);
        }
    }

    @Test
    void fig2Panel40() {
        CollapseRun fp16 = run("fig2-40", "AdamW, CE fp16");
        CollapseRun fp32 = run("fig2-40", "AdamW, CE fp32");
        CollapseRun fp64 = run("fig2-40", "AdamW, CE fp64");
        int[] epochs = {1000, 5000, 7000, 10000, 15000, 20000};
        row(fp16, EpochMetrics::testAcc, epochs, new double[] {0.1, 0.1, 0.1, 0.1, 0.2, 0.1}, "test %");
        row(fp32, EpochMetrics::testAcc, epochs, new double[] {0.1, 0.2, 0.1, 0.1, 0.2, 0.2}, "test %");
        row(fp64, EpochMetrics::testAcc, epochs, new double[] {0.1, 0.3, 0.3, 0.2, 0.2, 0.3}, "test %");
        scRow(fp16, epochs, new double[] {0.1, 39, 54, 82, 100, 100});
        scRow(fp32, epochs, new double[] {0, 9.6, 12, 21, 22, 23});
        scRow(fp64, epochs, new double[] {0, 0.0, 30, 37, 33, 31});
        assertEquals(4750, firstEpoch(fp16, m -> m.scFraction() > 0.4));
        assertEquals(6000, firstEpoch(fp16, m -> m.scFraction() > 0.5));
        percent(24, fp32.metrics().stream().mapToDouble(EpochMetrics::scFraction).max().orElseThrow(), 1, "fp32 SC at most 24 %");
        percent(39, fp64.metrics().stream().mapToDouble(EpochMetrics::scFraction).max().orElseThrow(), 1, "fp64 SC at most 39 %");
        within(0.055, 0.245, from(fp32, 10000), EpochMetrics::scFraction, "fp32 SC 6-24 % from 10k");
        within(0.175, 0.395, from(fp64, 10000), EpochMetrics::scFraction, "fp64 SC 18-39 % from 10k");
        for (CollapseRun r : List.of(fp16, fp32, fp64)) {
            within(0, 0.00445, from(r, 500), EpochMetrics::testAcc, r.label() + ": test <= 0.44 % after 500");
            assertEquals(500, firstEpoch(r, m -> m.trainAcc() == 1), r.label() + ": train 100 % from 500");
        }
        within(0.915, 1, from(fp16, 500), EpochMetrics::trainAcc, "fp16 train dips no lower than 92 %");
        within(0.985, 1, from(fp32, 500), EpochMetrics::trainAcc, "fp32 train dips no lower than 99 %");
    }

    @Test
    void fig2Panel60() {
        CollapseRun fp16 = run("fig2-60", "AdamW, CE fp16");
        CollapseRun fp32 = run("fig2-60", "AdamW, CE fp32");
        CollapseRun fp64 = run("fig2-60", "AdamW, CE fp64");
        int[] epochs = {1000, 2000, 3000, 5000, 7000, 10000, 15000, 20000};
        row(fp16, EpochMetrics::testAcc, epochs, new double[] {4.1, 10.3, 14.5, 15.7, 15.8, 15.8, 15.8, 15.8}, "test %");
        row(fp32, EpochMetrics::testAcc, epochs, new double[] {4.7, 12.2, 17.2, 22.5, 26.3, 27.0, 28.4, 29.9}, "test %");
        row(fp64, EpochMetrics::testAcc, epochs, new double[] {5.0, 12.4, 20.4, 36.6, 46.3, 50.6, 52.6, 53.2}, "test %");
        scRow(fp16, epochs, new double[] {2.3, 80, 99, 99, 100, 100, 100, 100});
        scRow(fp32, epochs, new double[] {0, 0.3, 21, 32, 39, 35, 43, 46});
        scRow(fp64, epochs, new double[] {0, 0, 0, 0.1, 41, 55, 59, 65});
        assertEquals(2000, firstEpoch(fp16, m -> m.scFraction() > 0.5));
        assertEquals(11250, firstEpoch(fp32, m -> m.scFraction() > 0.4));
        assertEquals(-1, firstEpoch(fp32, m -> m.scFraction() > 0.5), "fp32 SC never past 50 %");
        assertEquals(6750, firstEpoch(fp64, m -> m.scFraction() > 0.4));
        assertEquals(9000, firstEpoch(fp64, m -> m.scFraction() > 0.5));
        within(0.1565, 0.1595, from(fp16, 5000), EpochMetrics::testAcc, "fp16 test 15.7-15.8 % from 5k");
        within(0.285, 0.485, from(fp32, 9000), EpochMetrics::scFraction, "fp32 SC 29-48 % from 9k");
        within(0.445, 0.535, from(fp64, 9000), EpochMetrics::testAcc, "fp64 test 45-53 % from 9k");
        for (CollapseRun r : List.of(fp16, fp32, fp64)) assertEquals(750, firstEpoch(r, m -> m.trainAcc() == 1), r.label());
    }

    @Test
    void fig2Panel70() {
        CollapseRun fp16 = run("fig2-70", "AdamW, CE fp16");
        CollapseRun fp32 = run("fig2-70", "AdamW, CE fp32");
        CollapseRun fp64 = run("fig2-70", "AdamW, CE fp64");
        int[] epochs = {1000, 1750, 2500, 3000, 4000, 5000, 6000, 6750, 8000, 10000, 12500, 15000, 17500, 20000};
        row(fp16, EpochMetrics::testAcc, epochs, new double[] {19.8, 28.8, 42.8, 42.8, 45.4, 45.4, 45.4, 45.4, 45.4, 45.4, 45.4, 45.4, 45.4, 45.4}, "test %");
        row(fp32, EpochMetrics::testAcc, epochs, new double[] {21.8, 40.6, 56.1, 55.7, 60.7, 55.8, 61.9, 60.0, 61.2, 62.5, 62.0, 61.1, 62.0, 63.0}, "test %");
        row(fp64, EpochMetrics::testAcc, epochs, new double[] {21.3, 40.1, 55.0, 64.4, 76.4, 83.6, 88.9, 92.1, 89.2, 84.2, 87.9, 83.9, 88.4, 83.5}, "test %");
        scRow(fp16, epochs, new double[] {5.8, 56, 99, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100});
        scRow(fp32, epochs, new double[] {0, 0.1, 9.5, 35, 45, 38, 48, 35, 49, 54, 50, 53, 55, 65});
        scRow(fp64, epochs, new double[] {0, 0, 0, 0, 0, 0.3, 5.3, 70, 70, 49, 61, 49, 65, 49});
        assertEquals(1750, firstEpoch(fp16, m -> m.scFraction() > 0.5));
        assertEquals(9500, firstEpoch(fp32, m -> m.scFraction() > 0.5));
        assertEquals(6750, firstEpoch(fp64, m -> m.scFraction() > 0.5));
        // fp16 freezes: SC 100 % and test 45.4 % from 4k (from 3.75k for the test), train loss 2.6e-5
        within(1, 1, from(fp16, 4000), EpochMetrics::scFraction, "fp16 SC 100 % from 4k");
        within(0.4535, 0.4545, from(fp16, 3750), EpochMetrics::testAcc, "fp16 test 45.4 % from 3.75k");
        within(2.55e-5, 2.65e-5, from(fp16, 4000), EpochMetrics::trainLoss, "fp16 train loss frozen at 2.6e-5");
        // fp32: 52-63 % from 2.5k; SC 31-50 % from 3k until it passes 50 % at 9.5k
        within(0.515, 0.635, from(fp32, 2500), EpochMetrics::testAcc, "fp32 test 52-63 % from 2.5k");
        within(0.305, 0.505, fp32.metrics().stream().filter(m -> m.epoch() >= 3000 && m.epoch() < 9500).toList(),
                EpochMetrics::scFraction, "fp32 SC 31-50 % between 3k and 9.5k");
        // fp64: peak 92.1 % at 6750, then 78-90 % with SC 37-77 %
        EpochMetrics peak = fp64.metrics().stream().max(java.util.Comparator.comparingDouble(EpochMetrics::testAcc)).orElseThrow();
        assertEquals(6750, peak.epoch());
        List<EpochMetrics> after = from(fp64, 7000);
        within(0.775, 0.905, after, EpochMetrics::testAcc, "fp64 test 78-90 % after the peak");
        within(0.365, 0.775, after, EpochMetrics::scFraction, "fp64 SC 37-77 % after the peak");
    }
}
