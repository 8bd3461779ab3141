package lab.softmax.engine.kernels;

import java.lang.System.Logger.Level;

/**
 * Whether the Vector API kernels can run: the {@code jdk.incubator.vector} module must be resolved
 * (run with {@code --add-modules jdk.incubator.vector}) and not switched off with
 * {@code -Dsoftmaxlab.kernels.scalar=true}. Probed once, on first use; when the module is absent a
 * single warning is logged and every kernel falls back to its scalar implementation.
 */
public final class VectorSupport {
    /** System property that forces the scalar kernels (for comparison, or a JVM whose vectors misbehave). */
    public static final String FORCE_SCALAR_PROPERTY = "softmaxlab.kernels.scalar";

    private VectorSupport() { }

    /** The lazily-initialised holder idiom: the probe (and its one warning) runs once per JVM. */
    private static final class Probe {
        static final int VECTOR_BITS = probe();

        private static int probe() {
            if (Boolean.getBoolean(FORCE_SCALAR_PROPERTY)) return 0;
            try {
                return VectorExpPasses.S.vectorBitSize();
            } catch (LinkageError e) {
                System.getLogger(VectorSupport.class.getName()).log(Level.WARNING,
                        "Vector API unavailable (" + e + "); softmax kernels run scalar. "
                                + "Start the JVM with --add-modules jdk.incubator.vector for the vector kernels.");
                return 0;
            }
        }
    }

    /** True when the vector kernels are used. */
    public static boolean available() { return Probe.VECTOR_BITS > 0; }

    /** Width of FloatVector.SPECIES_PREFERRED in bits (512 on AVX-512), or 0 when running scalar. */
    public static int vectorBits() { return Probe.VECTOR_BITS; }

    /**
     * What the kernels really run, for a status line: "vector kernels, 256-bit (8 floats)", or the
     * scalar kernels with the reason (switched off by the property, or the module absent).
     */
    public static String describe() {
        if (available()) return "vector kernels, " + vectorBits() + "-bit (" + lanes() + " floats)";
        if (Boolean.getBoolean(FORCE_SCALAR_PROPERTY)) return "scalar kernels (-D" + FORCE_SCALAR_PROPERTY + "=true)";
        return "scalar kernels: Vector API absent (run with --add-modules jdk.incubator.vector)";
    }

    /** Floats per vector, or 1 when running scalar. */
    public static int lanes() { return Math.max(1, Probe.VECTOR_BITS / 32); }
}
