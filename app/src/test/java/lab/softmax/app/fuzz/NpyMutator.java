package lab.softmax.app.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** NumPy .npy seeds (1-D and 2-D, float32 and float64) and damage to their header and data. */
final class NpyMutator {
    /** Header values a reader must refuse cleanly: impossible, enormous or non-numeric extents, foreign dtypes. */
    private static final String[] SHAPES = {
        "()", "(0,)", "(-1,)", "(1e3,)", "(abc,)", "(99999999999,)", "(50000001,)", "(2147483648,)", "(9223372036854775807,)",
        "(9223372036854775807, 2)", "(65536, 65536)", "(1, 2147483647)", "(3, 4)", "(2, 2, 2)", "(0, 4)", "(4, 0)",
        "(1,", "(" + "1, ".repeat(40) + ")",
    };
    private static final String[] DESCRS = {"<f2", "<i4", "<f16", "|b1", "<f99999999999", ">f8", ">f4", "<c16", "|O", "<U8", "garbage"};

    private NpyMutator() { }

    /** A valid .npy of the given values: rows x cols (cols 0 means 1-D), float64 when wide. */
    static byte[] write(double[] values, int rows, int cols, boolean wide) {
        String shape = cols == 0 ? "(" + rows + ",)" : "(" + rows + ", " + cols + ")";
        return build(1, "{'descr': '" + (wide ? "<f8" : "<f4") + "', 'fortran_order': False, 'shape': " + shape + ", }", values, wide);
    }

    private static byte[] build(int major, String dict, double[] values, boolean wide) {
        int prefix = major == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length() + values.length * (wide ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) header.length()); else b.putInt(header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : values) {
            if (wide) b.putDouble(v); else b.putFloat((float) v);
        }
        return b.array();
    }

    static byte[] apply(Mutation m, byte[] seed, SplittableRandom rng) {
        if (!wellFormed(seed)) return m == Mutation.TRUNCATED ? Mutation.truncate(seed, rng) : Mutation.flip(seed, rng);
        return switch (m) {
            case TRUNCATED -> Mutation.truncate(seed, rng);
            case BYTE_FLIPPED -> Mutation.flip(seed, rng);
            case HUGE -> rng.nextBoolean() ? withHeader(seed, "shape", SHAPES[5 + rng.nextInt(6)]) : Mutation.hugeInsert(seed, rng);
            case WRONG_TYPED -> rng.nextBoolean() ? withHeader(seed, "descr", DESCRS[rng.nextInt(DESCRS.length)])
                    : withHeader(seed, "shape", SHAPES[rng.nextInt(SHAPES.length)]);
            case SPECIAL_NUMBER -> specialValues(seed, rng);
            case NON_UTF8 -> headerBytes(seed, rng);
            case DEEPLY_NESTED -> withHeader(seed, "shape", "(" + "(".repeat(1000) + "1" + ")".repeat(1000) + ",)");
            case DUPLICATED_KEY -> duplicateKey(seed, rng);
            case COMBINED -> apply(Mutation.values()[rng.nextInt(Mutation.COMBINED.ordinal())],
                    apply(Mutation.values()[rng.nextInt(Mutation.COMBINED.ordinal())], seed, rng), rng);
        };
    }

    /** A version-1 header that is all there: the structured damage below needs one (an earlier damage may have cut it). */
    private static boolean wellFormed(byte[] npy) {
        return npy.length >= 10 && (npy[0] & 0xFF) == 0x93 && (npy[6] & 0xFF) == 1 && dataStart(npy) <= npy.length;
    }

    /** Where the header text ends (its length field is trusted: the seed is ours). */
    private static int dataStart(byte[] npy) {
        int major = npy[6] & 0xFF;
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        return major == 1 ? 10 + (b.getShort(8) & 0xFFFF) : 12 + b.getInt(8);
    }

    private static String header(byte[] npy) {
        return new String(npy, 10, dataStart(npy) - 10, StandardCharsets.ISO_8859_1);
    }

    /** The same data behind a header whose field {@code key} now says {@code value}; the length field is rewritten to fit. */
    static byte[] withHeader(byte[] npy, String key, String value) {
        if (npy.length < 10 || (npy[6] & 0xFF) != 1) return npy;
        String dict = header(npy).strip();
        String replaced = key.equals("shape")
                ? dict.replaceFirst("'shape': \\([^)]*\\)", java.util.regex.Matcher.quoteReplacement("'shape': " + value))
                : dict.replaceFirst("'descr': '[^']*'", java.util.regex.Matcher.quoteReplacement("'descr': '" + value + "'"));
        byte[] data = java.util.Arrays.copyOfRange(npy, dataStart(npy), npy.length);
        int major = replaced.length() + 11 > 65535 ? 2 : 1;
        byte[] head = build(major, replaced, new double[0], true);
        return Mutation.insert(head, head.length, data);
    }

    /** Raw NaN, ±Infinity, the largest finite value and subnormals written into the data. */
    static byte[] specialValues(byte[] npy, SplittableRandom rng) {
        byte[] out = npy.clone();
        int start = dataStart(npy);
        boolean wide = header(npy).contains("<f8");
        int width = wide ? 8 : 4;
        int count = (out.length - start) / width;
        if (count == 0) return out;
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE,
            1e308, Float.MAX_VALUE, Double.MIN_VALUE, -0.0, 1e39};
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int n = 1 + rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            int at = start + rng.nextInt(count) * width;
            double v = specials[rng.nextInt(specials.length)];
            if (wide) b.putDouble(at, v); else b.putFloat(at, (float) v);
        }
        return out;
    }

    /** Non-ASCII and non-UTF-8 bytes inside the header text. */
    private static byte[] headerBytes(byte[] npy, SplittableRandom rng) {
        byte[] out = npy.clone();
        int end = dataStart(npy);
        if (end <= 11) return out;
        for (int i = 0; i < 1 + rng.nextInt(4); i++) out[10 + rng.nextInt(end - 10)] = Mutation.BAD_UTF8[rng.nextInt(Mutation.BAD_UTF8.length)][0];
        return out;
    }

    /** The header dictionary names shape (or descr) twice, with a different value first. */
    private static byte[] duplicateKey(byte[] npy, SplittableRandom rng) {
        if (npy.length < 10 || (npy[6] & 0xFF) != 1) return npy;
        String dict = header(npy).strip();
        String extra = rng.nextBoolean() ? "'shape': " + SHAPES[rng.nextInt(SHAPES.length)] + ", " : "'descr': '<i8', ";
        String replaced = "{" + extra + dict.substring(1);
        byte[] data = java.util.Arrays.copyOfRange(npy, dataStart(npy), npy.length);
        byte[] head = build(1, replaced, new double[0], true);
        return Mutation.insert(head, head.length, data);
    }
}
