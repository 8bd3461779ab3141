package lab.softmax.engine.nn;

import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;
import lab.softmax.engine.task.Cancellation;

/**
 * torch.nn.Linear's default initialisation: kaiming_uniform_(a = sqrt 5) for the weight, which is
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and the same bound for the bias. The stream is SplitMix64,
 * so the values differ from torch's but the distribution is the same.
 */
public final class KaimingUniform {
    private KaimingUniform() { }

    public static void fill(Parameter p, int fanIn, SplitMix64 rng, Precision precision) {
        fill(p, fanIn, rng, precision, Cancellation.none());
    }

    /** {@link #fill} checking the cancellation as it goes (a 2000 x 2000 weight is tens of ms the first time). */
    public static void fill(Parameter p, int fanIn, SplitMix64 rng, Precision precision, Cancellation cancellation) {
        double bound = 1.0 / Math.sqrt(fanIn);
        double[] v = p.value();
        for (int i = 0; i < v.length; i++) {
            cancellation.throwIfCancelledAt(i);
            v[i] = Rounding.round(precision, (2 * rng.nextDouble() - 1) * bound);
        }
    }
}
