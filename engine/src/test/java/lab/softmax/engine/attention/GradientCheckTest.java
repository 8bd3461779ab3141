package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.nn.Parameter;
import lab.softmax.engine.numeric.SplitMix64;
import org.junit.jupiter.api.Test;

/** The hand-written gradients against central finite differences (five-point stencil) of the loss, in fp64. */
class GradientCheckTest {
    /** Step of the five-point stencil (error O(h⁴), so truncation stays far below the tolerance). */
    private static final double H = 1e-4;
    private static final double TOLERANCE = 1e-6;

    private interface Loss {
        double value();
    }

    /** Checks every entry: |fd − analytic| ≤ 1e-6·max(|fd|, |analytic|, 1e-3·scale), scale = the largest |gradient|. */
    private static void check(Parameter p, double[] analytic, Loss loss) {
        double scale = 0;
        for (double g : analytic) scale = Math.max(scale, Math.abs(g));
        assertTrue(scale > 1e-8, p.name() + ": gradient is all zero, the check would prove nothing");
        double[] x = p.value();
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + H;
            double up = loss.value();
            x[i] = saved - H;
            double down = loss.value();
            x[i] = saved + 2 * H;
            double up2 = loss.value();
            x[i] = saved - 2 * H;
            double down2 = loss.value();
            x[i] = saved;
            double fd = (8 * (up - down) - (up2 - down2)) / (12 * H);
            double denominator = Math.max(Math.max(Math.abs(fd), Math.abs(analytic[i])), 1e-3 * scale);
            double rel = Math.abs(fd - analytic[i]) / denominator;
            assertTrue(rel < TOLERANCE, p.name() + "[" + i + "]: finite difference " + fd + " vs analytic " + analytic[i]
                    + " (relative " + rel + ")");
        }
    }

    private static List<NeedleExample> batch(NeedleConfig c, int n, int size, long seed) {
        NeedleExample.Gaussians g = new NeedleExample.Gaussians(new SplitMix64(seed));
        List<NeedleExample> b = new ArrayList<>();
        for (int i = 0; i < size; i++) b.add(NeedleExample.draw(g, n, c));
        return b;
    }

    @Test
    void needleGradientsOfWBetaAndUMatchFiniteDifferences() {
        NeedleConfig c = NeedlePreset.DEFAULT.config(7);
        for (int n : new int[] {5, 40}) {
            NeedleModel model = new NeedleModel(NeedleMode.SSA, c.keyDim(), c.valueDim(), 0.5, 0.3, new SplitMix64(3));
            // A non-trivial u, so tanh is away from its linear part.
            SplitMix64 r = new SplitMix64(11);
            for (int i = 0; i < model.u().size(); i++) model.u().value()[i] = r.nextGaussian() * 0.4;
            List<NeedleExample> b = batch(c, n, 6, 100 + n);
            model.zeroGrad();
            model.loss(b, true);
            Loss loss = () -> model.loss(b, false);
            check(model.w(), model.w().grad().clone(), loss);
            check(model.beta(), model.beta().grad().clone(), loss);
            check(model.u(), model.u().grad().clone(), loss);
        }
    }

    @Test
    void vanillaNeedleGradientMatchesFiniteDifferences() {
        NeedleConfig c = NeedlePreset.NEGATIVE_CONTROL.config(7);
        NeedleModel model = new NeedleModel(NeedleMode.VANILLA, c.keyDim(), c.valueDim(), 0.3, 1.5, new SplitMix64(5));
        List<NeedleExample> b = batch(c, 17, 5, 9);
        model.zeroGrad();
        model.loss(b, true);
        check(model.w(), model.w().grad().clone(), () -> model.loss(b, false));
    }

    @Test
    void valueTemperatureGradientsMatchFiniteDifferences() {
        ValueDenoising.Config c = ValueDenoising.Config.defaults(3);
        ValueDenoising.Model model = new ValueDenoising.Model(true, c.levels().length, c.dim());
        SplitMix64 r = new SplitMix64(21);
        for (int i = 0; i < c.levels().length; i++) {
            model.logits().value()[i] = r.nextGaussian();
            model.valueU().value()[i] = r.nextGaussian() * 0.7;
        }
        NeedleExample.Gaussians g = new NeedleExample.Gaussians(new SplitMix64(4));
        List<ValueDenoising.Example> b = new ArrayList<>();
        for (int i = 0; i < 8; i++) b.add(ValueDenoising.draw(g, c));
        model.zeroGrad();
        model.loss(b, true);
        Loss loss = () -> model.loss(b, false);
        check(model.logits(), model.logits().grad().clone(), loss);
        check(model.valueU(), model.valueU().grad().clone(), loss);
    }
}
