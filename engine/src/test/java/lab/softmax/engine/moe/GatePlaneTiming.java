package lab.softmax.engine.moe;

import java.util.Locale;

/** Test-scope timing of the plane evaluator (not a unit test): ms per 400×400 frame for the default state. */
public final class GatePlaneTiming {
    private GatePlaneTiming() { }

    public static void main(String[] args) {
        MoeState s = MoeState.defaults();
        GatePlane.Frame f = new GatePlane.Frame(400, 400);
        for (Router r : Router.values()) {
            for (int topK : new int[] {1, 2, 4}) {
                for (int w = 0; w < 30; w++) GatePlane.evaluate(s.gates(), topK, 1 + w * 0.01, r, 0, s.rect(), f);
                int frames = 100;
                long t0 = System.nanoTime();
                for (int i = 0; i < frames; i++) GatePlane.evaluate(s.gates(), topK, 1 + i * 0.01, r, i % 5, s.rect(), f);
                double ms = (System.nanoTime() - t0) * 1e-6 / frames;
                System.out.printf(Locale.ROOT, "%-20s K=%d  %.2f ms/frame  (%.0f frames/s)%n", r.id(), topK, ms, 1000 / ms);
            }
        }
    }
}
