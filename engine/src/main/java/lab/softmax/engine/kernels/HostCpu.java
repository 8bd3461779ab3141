package lab.softmax.engine.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The CPU model and vector ISA a benchmark figure was taken on, so that every figure can name its host. */
public final class HostCpu {
    private HostCpu() { }

    /** The CPU model ("AMD EPYC (family 26, model 2)") from /proc/cpuinfo, or the OS architecture where that is unreadable. */
    public static String model() {
        try {
            String m = modelOf(Files.readAllLines(Path.of("/proc/cpuinfo")));
            if (m != null) return m;
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }

    /**
     * The first "model name" of /proc/cpuinfo text, with the first "cpu family" and "model" numbers beside it
     * where present (a VM may show only "AMD EPYC"; the family tells Zen 3 from Zen 5), or null.
     */
    static String modelOf(List<String> cpuinfo) {
        String name = field(cpuinfo, "model name");
        if (name == null) return null;
        String family = field(cpuinfo, "cpu family");
        String model = field(cpuinfo, "model");
        return family == null || model == null ? name : name + " (family " + family + ", model " + model + ")";
    }

    /** The first non-empty value of {@code key} ("key<tabs>: value"), or null. */
    private static String field(List<String> cpuinfo, String key) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                String v = line.substring(colon + 1).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** The vector ISA of this JVM's preferred species ("AVX-512", "AVX2", "NEON", "scalar"...). */
    public static String javaVectorIsa() { return isaOf(System.getProperty("os.arch"), VectorSupport.vectorBits()); }

    /** The ISA that vectors of {@code bits} use on architecture {@code arch}. */
    static String isaOf(String arch, int bits) {
        if (bits <= 0) return "scalar";
        String a = arch.toLowerCase(Locale.ROOT);
        boolean x86 = a.equals("amd64") || a.equals("x86_64") || a.equals("x86");
        if (x86) return bits >= 512 ? "AVX-512" : bits >= 256 ? "AVX2" : "SSE";
        if (a.equals("aarch64") || a.equals("arm64")) return bits > 128 ? "SVE " + bits : "NEON";
        return bits + "-bit vectors";
    }
}
