package lab.softmax.engine.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy .npy reader (format versions 1-3, float32/float64, C order): the header for any shape, and the
 * data of a vector. Nothing is allocated for the data before the file is known to hold it: a header that
 * claims 5·10⁷ values in a file of a few bytes is refused at once.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

    private NpyReader() { }

    /**
     * A parsed header.
     * @param width bytes per value, 4 or 8
     * @param shape the extents, each >= 0, their product at most Long.MAX_VALUE
     * @param dataBytes bytes of the file after the header, or -1 when unknown (a stream)
     */
    public record Header(ByteOrder order, int width, long[] shape, long dataBytes) {
        public long count() {
            long n = 1;
            for (long s : shape) n *= s;
            return n;
        }

        /** Refuses a header whose values do not all fit in what is left of the file. */
        public void requireData(String source, String field) {
            if (dataBytes >= 0 && count() > dataBytes / width) {
                throw new InputException(source, field, "truncated: the header promises " + count() + " values, the file holds "
                        + dataBytes / width);
            }
        }
    }

    /**
     * Reads the header of a .npy stream.
     * @param fileBytes the file's size, or -1 when unknown
     * @param field prefix of the fields named in errors ("" for a vector file, "q" for the Q matrix)
     */
    public static Header header(DataInputStream in, String source, String field, long fileBytes) throws IOException {
        String at = field.isEmpty() ? "" : field + ".";
        String text;
        int headerEnd;
        try {
            byte[] magic = new byte[6];
            in.readFully(magic);
            if (magic[0] != (byte) 0x93 || !"NUMPY".equals(new String(magic, 1, 5, StandardCharsets.US_ASCII))) {
                throw new InputException(source, field, "not a NumPy .npy file (bad magic bytes)");
            }
            int major = in.readUnsignedByte();
            in.readUnsignedByte();
            int length = switch (major) {
                case 1 -> Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                case 2, 3 -> Integer.reverseBytes(in.readInt());
                default -> throw new InputException(source, field, "unsupported .npy format version " + major);
            };
            if (length < 0 || length > (1 << 20)) {
                throw new InputException(source, field, "implausible .npy header length " + Integer.toUnsignedString(length));
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            text = new String(bytes, StandardCharsets.ISO_8859_1);
            headerEnd = (major == 1 ? 10 : 12) + length;
        } catch (java.io.EOFException e) {
            throw new InputException(source, field, "truncated: the file ends inside the .npy header");
        }
        Matcher d = DESCR.matcher(text);
        if (!d.find()) throw new InputException(source, at + "descr", "missing dtype in header");
        String digits = d.group(3);
        if (!d.group(2).equals("f") || !(digits.equals("4") || digits.equals("8"))) {
            throw new InputException(source, at + "descr", "dtype '" + d.group(1) + d.group(2) + digits
                    + "' is not supported (use float32 or float64)");
        }
        Matcher f = FORTRAN.matcher(text);
        if (f.find() && f.group(1).equals("True")) {
            throw new InputException(source, at + "fortran_order", "True is not supported (save a C-order array)");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long dataBytes = fileBytes < 0 ? -1 : Math.max(0, fileBytes - headerEnd);
        return new Header(order, Integer.parseInt(digits), shape(text, source, at + "shape"), dataBytes);
    }

    /** A shape as NumPy prints it: (2, 3). */
    public static String describe(long[] shape) {
        return "(" + String.join(", ", java.util.Arrays.stream(shape).mapToObj(Long::toString).toList()) + (shape.length == 1 ? ",)" : ")");
    }

    private static long[] shape(String header, String source, String field) {
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) throw new InputException(source, field, "missing shape in header");
        List<Long> dims = new ArrayList<>();
        long count = 1;
        for (String part : s.group(1).split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            try {
                long extent = Long.parseLong(t);
                if (extent < 0) throw new NumberFormatException();
                count = Math.multiplyExact(count, extent);
                dims.add(extent);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InputException(source, field, "'" + t + "' is not a valid array extent");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** A 1-D vector (or 1×N, N×1) of at most {@link LogitsFile#MAX_LENGTH} values. */
    static double[] read(InputStream raw, String source, long fileBytes) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        Header h = header(in, source, "", fileBytes);
        long nonUnit = java.util.Arrays.stream(h.shape()).filter(e -> e != 1).count();
        if (h.shape().length == 0 || nonUnit > 1) {
            throw new InputException(source, "shape", describe(h.shape()) + " is not a vector; save a 1-D array");
        }
        long count = h.count();
        if (count > LogitsFile.MAX_LENGTH) {
            throw new InputException(source, "shape", count + " values exceed the documented limit of " + LogitsFile.MAX_LENGTH);
        }
        h.requireData(source, "");
        double[] out = new double[(int) count];
        readValues(in, h, out.length, source, "", (i, v) -> out[i] = v);
        return out;
    }

    @FunctionalInterface
    public interface Sink {
        void accept(int index, double value);
    }

    /** Reads {@code count} values in file order, in chunks; a file that ends early is an error naming how many it held. */
    public static void readValues(DataInputStream in, Header h, int count, String source, String field, Sink sink) throws IOException {
        int width = h.width();
        byte[] chunk = new byte[width * 8192];
        int done = 0;
        while (done < count) {
            int n = Math.min(8192, count - done);
            try {
                in.readFully(chunk, 0, n * width);
            } catch (java.io.EOFException e) {
                throw new InputException(source, field, "truncated: expected " + count + " values, found fewer than " + (done + n));
            }
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, n * width).order(h.order());
            for (int i = 0; i < n; i++) sink.accept(done + i, width == 4 ? bb.getFloat() : bb.getDouble());
            done += n;
        }
    }
}
