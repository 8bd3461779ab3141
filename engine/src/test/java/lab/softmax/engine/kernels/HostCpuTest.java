package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostCpuTest {
    @Test
    void modelIsTheFirstModelNameLine() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "model\t\t: 17",
                "model name\t: AMD EPYC 9R45 96-Core Processor", "processor\t: 1", "model name\t: other");
        assertEquals("AMD EPYC 9R45 96-Core Processor", HostCpu.modelOf(cpuinfo));
        assertNull(HostCpu.modelOf(List.of("model\t\t: 17", "model name\t:   ")));
    }

    @Test
    void isaFollowsArchitectureAndWidth() {
        assertEquals("AVX-512", HostCpu.isaOf("amd64", 512));
        assertEquals("AVX2", HostCpu.isaOf("amd64", 256));
        assertEquals("SSE", HostCpu.isaOf("x86_64", 128));
        assertEquals("NEON", HostCpu.isaOf("aarch64", 128));
        assertEquals("SVE 256", HostCpu.isaOf("aarch64", 256));
        assertEquals("scalar", HostCpu.isaOf("amd64", 0));
    }
}
