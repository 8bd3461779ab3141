package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.engine.distributions.Normalization;
import lab.softmax.engine.distributions.NormalizationResult;
import lab.softmax.engine.distributions.NormalizerKind;
import lab.softmax.engine.numeric.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 10^7-element logits file is streamed, and fp32 softmax runs on it (functional, not timed). */
class LargeLogitsFileTest {
    private static final int N = 10_000_000;

    @TempDir Path dir;

    /** Logit i is (i mod 201 - 100)/10, written with at most 5 characters ("-10.0" .. "10.0"); ~48 MB. */
    private static double logit(int i) { return (i % 201 - 100) / 10.0; }

    @Test
    void tenMillionLogitsParseAndNormalise() throws IOException {
        byte[][] text = new byte[201][];
        for (int k = 0; k < 201; k++) text[k] = Double.toString(logit(k)).getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve("big.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write("{\"logits\":[".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < N; i++) {
                if (i > 0) out.write(',');
                out.write(text[i % 201]);
            }
            out.write("]}\n".getBytes(StandardCharsets.US_ASCII));
        }
        double[] z = LogitsFile.read(file);
        assertEquals(N, z.length);
        for (int i : new int[] {0, 1, 200, 201, 12_345, N - 1}) assertEquals(logit(i), z[i], 0.0, "index " + i);

        NormalizationResult r = Normalization.run(z, 1.0, NormalizerKind.SOFTMAX, Precision.FP32, true);
        double[] p = r.probabilities();
        assertEquals(N, p.length);
        assertEquals(0, r.nanCount());
        // Closed form: the 201 distinct logits repeat; p_i = e^(z_i) / sum over all.
        double perCycle = 0;
        for (int k = 0; k < 201; k++) perCycle += Math.exp(logit(k));
        double full = N / 201;
        double rest = 0;
        for (int k = 0; k < N % 201; k++) rest += Math.exp(logit(k));
        double total = full * perCycle + rest;
        double top = Math.exp(10.0) / total;
        assertEquals(top, r.reference()[200], 1e-9 * top, "float64 reference");
        // fp32 with a 10^7-term naive sum: the error bound is n*u, but the lab must stay sane.
        assertEquals(top, p[200], 0.05 * top, "fp32");
        // The smallest probability, e^-10 / total ~ 4e-15, lies far inside fp32's normal range (2^-126 ~ 1.2e-38):
        // it must come out non-zero, and no entry may be counted as underflowed.
        double bottom = Math.exp(-10.0) / total;
        assertTrue(bottom > 0x1p-126 * 1e20);
        assertEquals(bottom, p[0], 0.05 * bottom, "fp32 smallest");
        assertEquals(0, r.underflowCount(), "entries of " + bottom + " cannot underflow in fp32");
    }
}
