package lab.softmax.engine.ghosts.training;

import lab.softmax.engine.io.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lab.softmax.engine.task.Cancellation;
import lab.softmax.engine.task.Progress;

/**
 * The (learning rate × step) stability map: for each base learning rate of a log-spaced grid, one short
 * seeded run of the given configuration without the spike (a constant rate), recording r = τ/ρ_a at
 * every step. Read like Distill's momentum α–β map: the rates whose rows stay below r = 1 are the ones
 * the certified radius calls safe; NaN marks a run that has diverged.
 */
public final class LrStepMap {
    public static final int DEFAULT_RATES = 16;
    public static final double DEFAULT_LR_MIN = 1e-4;
    public static final double DEFAULT_LR_MAX = 1;

    private LrStepMap() { }

    /** One learning rate's row: r per step (NaN once diverged). */
    public record Row(int index, double lr, double[] r) { }

    /** The log-spaced rates lrMin·(lrMax/lrMin)^(i/(count−1)), i = 0..count−1 (just lrMin for count 1). */
    public static double[] rates(double lrMin, double lrMax, int count) {
        if (!(lrMin > 0) || !(lrMax >= lrMin) || !Double.isFinite(lrMax)) {
            throw new InputException("lr-min/lr-max", "need 0 < lr-min <= lr-max, got " + lrMin + ", " + lrMax);
        }
        if (count < 1 || count > 1000) throw new InputException("rates", count + " must be in 1..1000");
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = count == 1 ? lrMin : Math.exp(Math.log(lrMin) + (Math.log(lrMax) - Math.log(lrMin)) * i / (count - 1));
        }
        return out;
    }

    /** Runs every rate in turn; each finished row goes to sink (partial results) before the next starts. */
    public static List<Row> run(StepSafetyConfig base, double[] rates, Dataset.Split data, Consumer<Row> sink,
                                Progress progress, Cancellation cancel) {
        List<Row> rows = new ArrayList<>(rates.length);
        for (int i = 0; i < rates.length; i++) {
            int index = i;
            StepSafetyConfig cfg = new StepSafetyConfig(base.dataset(), base.model(), base.optimizer(), rates[i], 1, 0, 0,
                    base.controller(), base.clipNorm(), base.steps(), base.seed(), base.batchSize());
            List<StepRecord> records = StepSafetyRun.run(cfg, data, rec -> { },
                    (f, m) -> progress.report((index + f) / rates.length, "lr " + (index + 1) + " of " + rates.length + ": " + m),
                    cancel);
            double[] r = new double[records.size()];
            for (int t = 0; t < r.length; t++) r[t] = records.get(t).r();
            Row row = new Row(i, rates[i], r);
            rows.add(row);
            sink.accept(row);
        }
        return rows;
    }
}
