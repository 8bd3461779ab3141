package lab.softmax.engine.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import lab.softmax.engine.numeric.Precision;

/**
 * torch.optim.SGD with momentum (no dampening, no Nesterov): g += wd p; buf = g on the first step,
 * else buf = momentum buf + g; p -= lr buf. Rounded to the model precision after every operation.
 */
public final class SgdMomentum implements Optimizer {
    private final double lr;
    private final double momentum;
    private final double weightDecay;
    private final Precision precision;
    private final Map<Parameter, double[]> buffers = new IdentityHashMap<>();
    private long step;

    public SgdMomentum(double lr, double momentum, double weightDecay, Precision precision) {
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.precision = precision;
    }

    @Override
    public void step(List<Parameter> parameters) {
        step++;
        for (Parameter p : parameters) {
            double[] x = p.value();
            double[] g = p.grad();
            double[] buf = buffers.get(p);
            boolean first = buf == null;
            if (first && momentum != 0) {
                buf = new double[x.length];
                buffers.put(p, buf);
            }
            for (int i = 0; i < x.length; i++) {
                double d = g[i];
                if (weightDecay != 0) d = r(d + r(weightDecay * x[i]));
                if (momentum != 0) {
                    buf[i] = first ? d : r(r(momentum * buf[i]) + d);
                    d = buf[i];
                }
                x[i] = r(x[i] - r(lr * d));
            }
        }
    }

    @Override
    public long steps() { return step; }

    private double r(double x) { return Rounding.round(precision, x); }
}
