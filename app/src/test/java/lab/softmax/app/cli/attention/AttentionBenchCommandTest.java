package lab.softmax.app.cli.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.softmax.app.cli.Cli;
import lab.softmax.app.cli.CliRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** `attention bench`: structure of a tiny run (no speed asserted) and bad options. */
class AttentionBenchCommandTest {
    @Test
    void aTinyRunReportsBothTimingsAndTheirRatio() {
        CliRun r = CliRun.of("attention", "bench", "--n", "40", "--dim", "8", "--rounds", "1", "--json");
        assertEquals(Cli.OK, r.exit(), r.err());
        JsonNode o = r.json();
        assertEquals(40, o.get("n").asInt());
        assertEquals(8, o.get("dim").asInt());
        double forward = o.get("forward_ms_median").asDouble();
        double products = o.get("products_ms_median").asDouble();
        assertTrue(forward > 0 && products > 0, r.out());
        assertEquals(forward / products, o.get("forward_over_products").asDouble(), 1e-9 * forward / products);
        // one round: the median of the rounds' ratios is that round's ratio
        assertEquals(forward / products, o.get("forward_over_products_paired_median").asDouble(), 1e-9 * forward / products);
        double forwardCpu = o.get("forward_cpu_ms_median").asDouble();
        double productsCpu = o.get("products_cpu_ms_median").asDouble();
        assertTrue(forwardCpu > 0 && productsCpu > 0, r.out());
        assertEquals(forwardCpu / productsCpu, o.get("forward_over_products_cpu").asDouble(), 1e-9 * forwardCpu / productsCpu);
    }

    @Test
    void aKernelWithoutARowApiForAttentionIsBadInput() {
        CliRun r = CliRun.of("attention", "bench", "--n", "8", "--algorithm", "three-pass-reload");
        assertEquals(Cli.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("error: --algorithm: "), r.err());
    }

    @Test
    void aMapTooLargeIsBadInputBeforeAnythingIsAllocated() {
        CliRun r = CliRun.of("attention", "bench", "--n", "100000");
        assertEquals(Cli.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("--n"), r.err());
    }
}
