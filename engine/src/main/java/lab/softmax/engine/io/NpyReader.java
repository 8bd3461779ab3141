package lab.softmax.engine.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NumPy .npy reader for float32/float64 vectors (format versions 1-3, C order, 1-D or a 1×N / N×1 2-D). */
final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() { }

    static double[] read(InputStream raw, String source) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
        String header;
        try {
            header = readHeader(in, source);
        } catch (java.io.EOFException e) {
            throw new InputException(source, "", "truncated: the file ends inside the .npy header");
        }
        return readData(in, header, source);
    }

    private static String readHeader(DataInputStream in, String source) throws IOException {
        byte[] magic = new byte[6];
        in.readFully(magic);
        if (magic[0] != (byte) 0x93 || !"NUMPY".equals(new String(magic, 1, 5, StandardCharsets.US_ASCII))) {
            throw new InputException(source, "", "not a NumPy .npy file (bad magic bytes)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.reverseBytes(in.readInt());
        } else {
            throw new InputException(source, "", "unsupported .npy format version " + major);
        }
        if (headerLength < 0 || headerLength > (1 << 20)) {
            throw new InputException(source, "", "implausible .npy header length " + Integer.toUnsignedString(headerLength));
        }
        byte[] headerBytes = new byte[headerLength];
        in.readFully(headerBytes);
        return new String(headerBytes, StandardCharsets.ISO_8859_1);
    }

    private static double[] readData(DataInputStream in, String header, String source) throws IOException {
        Matcher d = DESCR.matcher(header);
        if (!d.find()) throw new InputException(source, "descr", "missing dtype in header");
        String kind = d.group(2);
        int width = Integer.parseInt(d.group(3));
        if (!kind.equals("f") || (width != 4 && width != 8)) {
            throw new InputException(source, "descr", "dtype '" + d.group(1) + kind + width
                    + "' is not supported (use float32 or float64)");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long count = elementCount(header, source);
        if (count > LogitsFile.MAX_LENGTH) {
            throw new InputException(source, "shape", count + " values exceed the documented limit of " + LogitsFile.MAX_LENGTH);
        }
        double[] out = new double[(int) count];
        byte[] chunk = new byte[width * 8192];
        int done = 0;
        while (done < out.length) {
            int n = Math.min(8192, out.length - done);
            try {
                in.readFully(chunk, 0, n * width);
            } catch (java.io.EOFException e) {
                throw new InputException(source, "", "truncated: expected " + count + " values, found fewer");
            }
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, n * width).order(order);
            for (int i = 0; i < n; i++) {
                out[done + i] = width == 4 ? bb.getFloat() : bb.getDouble();
            }
            done += n;
        }
        return out;
    }

    private static long elementCount(String header, String source) {
        Matcher s = SHAPE.matcher(header);
        if (!s.find()) throw new InputException(source, "shape", "missing shape in header");
        long count = 1;
        int dims = 0;
        int nonUnit = 0;
        for (String part : s.group(1).split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            long extent;
            try {
                extent = Long.parseLong(t);
                if (extent < 0) throw new NumberFormatException();
                count = Math.multiplyExact(count, extent);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InputException(source, "shape", "'" + t + "' is not a valid array extent");
            }
            dims++;
            if (extent != 1) nonUnit++;
        }
        if (dims == 0 || nonUnit > 1) {
            throw new InputException(source, "shape", "(" + s.group(1).trim() + ") is not a vector; save a 1-D array");
        }
        return count;
    }
}
