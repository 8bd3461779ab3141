package lab.softmax.engine.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The CPU model and vector ISA a benchmark figure was taken on, so that every figure can name its host. */
public final class HostCpu {
    private HostCpu() { }

    /** The CPU model ("AMD EPYC 9R45 ...") from /proc/cpuinfo, or the OS architecture where that is unreadable. */
    public static String model() {
        try {
            String m = modelOf(Files.readAllLines(Path.of("/proc/cpuinfo")));
            if (m != null) return m;
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }

    /** The first "model name" line's value in /proc/cpuinfo text, or null. */
    static String modelOf(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                String v = line.substring(colon + 1).trim();
                if (!v.isEmpty()) return v;
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
