package lab.softmax.engine.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.engine.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionInputTest {
    private static AttentionInput json(String text) {
        return AttentionFile.readJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "in.json");
    }

    private static InputException bad(String text) {
        return assertThrows(InputException.class, () -> json(text));
    }

    @Test
    void readsQkvWithSpecialNumbersInTheMask() {
        AttentionInput in = json("{\"q\":[[1,0],[0,1]],\"k\":[[1,0],[0,1],[1,1]],\"v\":[[1],[2],[3]],"
                + "\"mask\":[[0,\"-Infinity\",0],[0,0,\"-Infinity\"]]}");
        assertEquals(2, in.queries());
        assertEquals(3, in.keys());
        assertEquals(Double.NEGATIVE_INFINITY, in.pattern()[0][1]);
        HeadResult r = Attention.compute(in, AttentionConfig.defaults().withMask(MaskKind.PATTERN, 0)).head(0);
        assertEquals(0.0, r.weights()[0][1], 0.0);
        assertEquals(0.0, r.weights()[1][2], 0.0);
    }

    @Test
    void readsTokensWithProjectionsAndPerHeadMatrices() {
        AttentionInput in = json("{\"x\":[[1,2],[3,4]],\"w_q\":[[1,0],[0,1]],\"w_k\":[[2,0],[0,2]],\"w_v\":[[0,1],[1,0]],\"heads\":2}");
        assertArrayEquals(new double[] {3, 4}, in.q()[1], 0.0);
        assertArrayEquals(new double[] {6, 8}, in.k()[1], 0.0);
        assertArrayEquals(new double[] {4, 3}, in.v()[1], 0.0);
        assertEquals(2, in.heads());
        AttentionInput perHead = json("{\"q\":[[[1],[2]],[[3],[4]]],\"k\":[[[1],[2]],[[3],[4]]],\"v\":[[[5],[6]],[[7],[8]]]}");
        assertEquals(2, perHead.heads());
        assertArrayEquals(new double[] {2, 4}, perHead.q()[1], 0.0);
    }

    @Test
    void badInputNamesSourceFieldIndexAndValue() {
        InputException ragged = bad("{\"q\":[[1,2],[3]],\"k\":[[1,2]],\"v\":[[1]]}");
        assertEquals("in.json", ragged.source());
        assertEquals("q[1]", ragged.field());
        assertTrue(ragged.problem().contains("ragged"), ragged.getMessage());

        InputException mismatched = bad("{\"q\":[[1,2]],\"k\":[[1,2,3]],\"v\":[[1]]}");
        assertEquals("k", mismatched.field());
        assertTrue(mismatched.problem().contains("3") && mismatched.problem().contains("2"), mismatched.getMessage());

        InputException nan = bad("{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1, \"NaN\"]]}");
        assertEquals("v[0][1]", nan.field());
        assertTrue(nan.problem().startsWith("NaN"), nan.getMessage());

        InputException inf = bad("{\"q\":[[\"Infinity\",2]],\"k\":[[1,2]],\"v\":[[1]]}");
        assertEquals("q[0][0]", inf.field());

        InputException empty = bad("{\"q\":[[1]],\"k\":[],\"v\":[]}");
        assertEquals("k", empty.field());
        assertTrue(empty.problem().contains("empty context"), empty.getMessage());

        InputException values = bad("{\"q\":[[1]],\"k\":[[1],[2]],\"v\":[[1]]}");
        assertEquals("v", values.field());

        InputException word = bad("{\"q\":[[1, \"one\"]],\"k\":[[1,2]],\"v\":[[1]]}");
        assertEquals("q[0][1]", word.field());
        assertTrue(word.problem().contains("\"one\""));

        assertEquals("mask[0][0]", bad("{\"q\":[[1]],\"k\":[[1]],\"v\":[[1]],\"mask\":[[\"Infinity\"]]}").field());
        assertEquals("kk", bad("{\"q\":[[1]],\"kk\":[[1]],\"v\":[[1]]}").field());
        assertEquals("v", bad("{\"q\":[[1]],\"k\":[[1]]}").field());
        assertEquals("heads", bad("{\"q\":[[1,2]],\"k\":[[1,2]],\"v\":[[1]],\"heads\":0}").field());
        assertEquals("q", bad("{\"q\":[[1,2,3]],\"k\":[[1,2,3]],\"v\":[[1,2]],\"heads\":2}").field());
        assertEquals("", bad("{\"q\":[[1]],").field());
    }

    @Test
    void contextsBeyondTheMemoryLimitAreRefusedWithTheLimit() {
        int n = 8193;
        double[][] q = new double[n][1];
        double[][] k = new double[4097][1];
        double[][] v = new double[4097][1];
        InputException e = assertThrows(InputException.class, () -> new AttentionInput("big", q, k, v, 1, null));
        assertEquals("k", e.field());
        assertTrue(e.problem().contains(String.valueOf(AttentionInput.MAX_WEIGHTS)), e.getMessage());
    }

    @Test
    void patternMaskWithoutAPatternIsAnInputError() {
        AttentionInput in = AttentionInput.of(new double[][] {{1}}, new double[][] {{1}}, new double[][] {{1}});
        InputException e = assertThrows(InputException.class,
                () -> Attention.compute(in, AttentionConfig.defaults().withMask(MaskKind.PATTERN, 0)));
        assertEquals("mask", e.field());
    }

    private static byte[] npy(String descr, String shape, double[] data, boolean fp32) {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        while ((10 + header.length() + 1) % 64 != 0) header += " ";
        header += "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer bb = ByteBuffer.allocate(data.length * (fp32 ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : data) {
            if (fp32) bb.putFloat((float) x);
            else bb.putDouble(x);
        }
        out.writeBytes(bb.array());
        return out.toByteArray();
    }

    @Test
    void readsNpyMatrices(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("q.npy"), npy("<f8", "(2, 2)", new double[] {1, 2, 3, 4}, false));
        Files.write(dir.resolve("k.npy"), npy("<f4", "(3, 2)", new double[] {1, 0, 0, 1, 0.5, 0.5}, true));
        Files.write(dir.resolve("v.npy"), npy("<f8", "(3, 1)", new double[] {7, 8, 9}, false));
        AttentionInput in = AttentionFile.readNpy(dir.resolve("q.npy"), dir.resolve("k.npy"), dir.resolve("v.npy"), 1);
        assertArrayEquals(new double[] {3, 4}, in.q()[1], 0.0);
        assertArrayEquals(new double[] {0.5, 0.5}, in.k()[2], 0.0);
        Files.write(dir.resolve("bad.npy"), npy("<f8", "(4,)", new double[] {1, 2, 3, 4}, false));
        InputException e = assertThrows(InputException.class,
                () -> AttentionFile.readNpy(dir.resolve("bad.npy"), dir.resolve("k.npy"), dir.resolve("v.npy"), 1));
        assertEquals("q.shape", e.field());
        Files.write(dir.resolve("int.npy"), npy("<i8", "(1, 1)", new double[] {1}, false));
        assertEquals("k.descr", assertThrows(InputException.class,
                () -> AttentionFile.readNpy(dir.resolve("q.npy"), dir.resolve("int.npy"), dir.resolve("v.npy"), 1)).field());
        Files.write(dir.resolve("nan.npy"), npy("<f8", "(3, 1)", new double[] {7, Double.NaN, 9}, false));
        assertEquals("v[1][0]", assertThrows(InputException.class,
                () -> AttentionFile.readNpy(dir.resolve("q.npy"), dir.resolve("k.npy"), dir.resolve("nan.npy"), 1)).field());
    }
}
