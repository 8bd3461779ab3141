package lab.softmax.engine.nn;

import lab.softmax.engine.numeric.Precision;
import lab.softmax.engine.numeric.SplitMix64;

/**
 * torch.nn.Linear's default initialisation: kaiming_uniform_(a = sqrt 5) for the weight, which is
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)), and the same bound for the bias. The stream is SplitMix64,
 * so the values differ from torch's but the distribution is the same.
 */
public final class KaimingUniform {
    private KaimingUniform() { }

    public static void fill(Parameter p, int fanIn, SplitMix64 rng, Precision precision) {
        double bound = 1.0 / Math.sqrt(fanIn);
        double[] v = p.value();
        for (int i = 0; i < v.length; i++) {
            v[i] = Rounding.round(precision, (2 * rng.nextDouble() - 1) * bound);
        }
    }
}
