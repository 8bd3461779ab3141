package lab.softmax.app;

/** Describes the Vector API species in use, or why it is absent, for the status bar. */
final class VectorSupport {
    private VectorSupport() { }

    static String describe() {
        try {
            var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
            return "vector " + species.vectorBitSize() + "-bit (" + species.length() + " floats)";
        } catch (LinkageError e) {
            return "vector API absent: scalar kernels (run with --add-modules jdk.incubator.vector)";
        }
    }
}
