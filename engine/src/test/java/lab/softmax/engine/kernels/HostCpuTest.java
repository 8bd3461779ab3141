package lab.softmax.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostCpuTest {
    @Test
    void modelIsTheFirstModelNameWithFamilyAndModel() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26", "model\t\t: 2",
                "model name\t: AMD EPYC", "processor\t: 1", "cpu family\t: 25", "model name\t: other");
        assertEquals("AMD EPYC (family 26, model 2)", HostCpu.modelOf(cpuinfo));
        assertEquals("Some CPU", HostCpu.modelOf(List.of("model name\t: Some CPU")));
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
