package lab.softmax.engine.kernels;

import java.util.ArrayList;
import java.util.List;

/** Creates the kernels. A vector kernel asked for when the Vector API is unavailable comes back scalar (check {@link SoftmaxKernel#impl()}). */
public final class Kernels {
    private Kernels() { }

    public static SoftmaxKernel create(Algorithm algorithm, Impl impl) {
        if (impl == Impl.VECTOR && VectorSupport.available()) {
            return switch (algorithm) {
                case THREE_PASS_RECOMPUTE -> new VectorThreePassRecompute();
                case THREE_PASS_RELOAD -> new VectorThreePassReload();
                case TWO_PASS -> new VectorTwoPass();
                case ONLINE -> new VectorOnline();
            };
        }
        return switch (algorithm) {
            case THREE_PASS_RECOMPUTE -> new ScalarThreePassRecompute();
            case THREE_PASS_RELOAD -> new ScalarThreePassReload();
            case TWO_PASS -> new ScalarTwoPass();
            case ONLINE -> new ScalarOnline();
        };
    }

    /** Every algorithm × impl actually available (the vector ones only with the Vector API). */
    public static List<SoftmaxKernel> all() {
        List<SoftmaxKernel> list = new ArrayList<>();
        for (Impl impl : Impl.values()) {
            if (impl == Impl.VECTOR && !VectorSupport.available()) continue;
            for (Algorithm a : Algorithm.values()) list.add(create(a, impl));
        }
        return list;
    }
}
