package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy .npy files written byte by byte here (format 1.0/2.0 header, little/big endian data). */
class NpyFileTest {
    @TempDir Path dir;

    /** Magic, version, header length, the dict padded with spaces to a multiple of 64, '\n'. */
    private static byte[] npy(int major, String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int preamble = major == 1 ? 10 : 12;
        int padded = (preamble + dict.length() + 1 + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        while (preamble + header.length() + 1 < padded) header.append(' ');
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(major);
        out.write(0);
        int len = header.length();
        out.write(len & 0xFF);
        out.write((len >>> 8) & 0xFF);
        if (major != 1) {
            out.write((len >>> 16) & 0xFF);
            out.write((len >>> 24) & 0xFF);
        }
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] float32(boolean littleEndian, float... values) {
        byte[] b = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            for (int k = 0; k < 4; k++) {
                int shift = 8 * (littleEndian ? k : 3 - k);
                b[4 * i + k] = (byte) (bits >>> shift);
            }
        }
        return b;
    }

    private static byte[] float64(boolean littleEndian, double... values) {
        byte[] b = new byte[8 * values.length];
        for (int i = 0; i < values.length; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            for (int k = 0; k < 8; k++) {
                int shift = 8 * (littleEndian ? k : 7 - k);
                b[8 * i + k] = (byte) (bits >>> shift);
            }
        }
        return b;
    }

    private double[] read(byte[] file) throws IOException {
        Path p = dir.resolve("v.npy");
        Files.write(p, file);
        return LogitsFile.read(p);
    }

    private InputException readError(byte[] file) throws IOException {
        Path p = dir.resolve("bad.npy");
        Files.write(p, file);
        return assertThrows(InputException.class, () -> LogitsFile.read(p));
    }

    @Test
    void float32LittleEndianOneDimensional() throws IOException {
        float[] v = {1.5f, -2.25f, Float.NEGATIVE_INFINITY, 1e-45f, 3.4e38f, 0.1f};
        double[] got = read(npy(1, "<f4", "(6,)", float32(true, v)));
        assertEquals(v.length, got.length);
        for (int i = 0; i < v.length; i++) assertEquals((double) v[i], got[i], 0.0, "index " + i);
    }

    @Test
    void float64RowVectorColumnVectorAndBigEndian() throws IOException {
        double[] v = {0.1, -1e300, Double.NEGATIVE_INFINITY, 4.9e-324};
        assertArrayEquals(v, read(npy(1, "<f8", "(1, 4)", float64(true, v))), 0.0);
        assertArrayEquals(v, read(npy(1, "<f8", "(4, 1)", float64(true, v))), 0.0);
        assertArrayEquals(v, read(npy(1, ">f8", "(4,)", float64(false, v))), 0.0);
        assertArrayEquals(new double[] {2.5, -0.5}, read(npy(2, "<f4", "(2,)", float32(true, 2.5f, -0.5f))), 0.0);
    }

    @Test
    void longVectorAcrossTheReadersChunks() throws IOException {
        double[] v = new double[20_001];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(i) * 10;
        assertArrayEquals(v, read(npy(1, "<f8", "(20001,)", float64(true, v))), 0.0);
    }

    @Test
    void rejectsWhatIsNotAFloatVector() throws IOException {
        InputException dtype = readError(npy(1, "<i4", "(2,)", new byte[8]));
        assertEquals("descr", dtype.field());
        assertTrue(dtype.getMessage().contains("i4"), dtype.getMessage());
        assertEquals("descr", readError(npy(1, "<f2", "(2,)", new byte[4])).field());
        InputException matrix = readError(npy(1, "<f8", "(2, 3)", float64(true, new double[6])));
        assertEquals("shape", matrix.field());
        assertTrue(matrix.getMessage().contains("2, 3"), matrix.getMessage());
        assertEquals("shape", readError(npy(1, "<f8", "()", float64(true, 1.0))).field());
        InputException truncated = readError(npy(1, "<f4", "(5,)", float32(true, 1f, 2f, 3f)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] notNpy = "{\"logits\": [1]}".getBytes(StandardCharsets.UTF_8);
        assertTrue(readError(notNpy).getMessage().contains("magic"));
        byte[] shortFile = {(byte) 0x93, 'N', 'U'};
        InputException tiny = readError(shortFile);
        assertTrue(tiny.getMessage().contains("truncated"), tiny.getMessage());
        byte[] hugeHeader = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F};
        assertTrue(readError(hugeHeader).getMessage().contains("header length"));
    }

    @Test
    void malformedShapesAreBadInputNamingTheShape() throws IOException {
        for (String shape : new String[] {"(-3,)", "(x,)", "(99999999999999999999,)", "(4294967296, 4294967296)"}) {
            InputException e = readError(npy(1, "<f8", shape, float64(true, 1.0)));
            assertEquals("shape", e.field(), shape + ": " + e.getMessage());
        }
    }
}
