package lab.softmax.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The kinds of damage the fuzzer does to a valid seed file, as the issue lists them. Each is applied
 * byte-wise where the format is unknown, and with the format's structure where that finds more
 * ({@link JsonMutator}, {@link NpyMutator}).
 */
enum Mutation {
    TRUNCATED, BYTE_FLIPPED, HUGE, DEEPLY_NESTED, WRONG_TYPED, DUPLICATED_KEY, NON_UTF8, SPECIAL_NUMBER, COMBINED;

    /** Numbers that break naive readers: non-finite, beyond double, subnormal, beyond int and long, odd spellings. */
    static final String[] SPECIAL_NUMBERS = {
        "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"inf\"",
        "1e308", "-1e308", "1.7976931348623157e308", "1.8e308", "1e309", "-1e309", "4.9e-324", "1e-400", "-0.0", "0",
        "2147483648", "-2147483649", "9223372036854775808", "1e20", "123456789012345678901234567890", "0x10", ".5",
        "5.", "01", "\"1e308\"", "\"\"", "\"0x1p3\"", "1" + "0".repeat(400), "0." + "0".repeat(200) + "1", "-",
    };

    /** A value of every JSON type, for wrong-typed fields. */
    static final String[] ANY_VALUE = {
        "\"x\"", "\"\"", "3", "-1", "0", "2.5", "true", "false", "null", "[]", "{}", "[1,2]", "[[1],[2,3]]",
        "{\"a\":1}", "\"fp16\"", "\"-Infinity\"", "[\"a\"]", "1e308",
    };

    /** Bytes that are not UTF-8: a lone continuation byte, 0xFF, an overlong NUL, an encoded surrogate, a cut sequence. */
    static final byte[][] BAD_UTF8 = {
        {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {0}, {(byte) 0xC3, (byte) 0x28},
    };

    static byte[] truncate(byte[] seed, SplittableRandom rng) {
        if (seed.length == 0) return seed;
        int cut = rng.nextInt(seed.length);
        return java.util.Arrays.copyOf(seed, cut);
    }

    /** 1 to 16 bytes changed: a flipped bit or a random byte. */
    static byte[] flip(byte[] seed, SplittableRandom rng) {
        byte[] out = seed.clone();
        if (out.length == 0) return new byte[] {(byte) rng.nextInt(256)};
        int n = 1 + rng.nextInt(16);
        for (int i = 0; i < n; i++) {
            int at = rng.nextInt(out.length);
            out[at] = rng.nextBoolean() ? (byte) (out[at] ^ (1 << rng.nextInt(8))) : (byte) rng.nextInt(256);
        }
        return out;
    }

    /** A megabyte or a few of digits, spaces, commas or random bytes inserted at a random place. */
    static byte[] hugeInsert(byte[] seed, SplittableRandom rng) {
        int size = (1 << 20) * (1 + rng.nextInt(4));
        byte[] filler = new byte[size];
        switch (rng.nextInt(4)) {
            case 0 -> java.util.Arrays.fill(filler, (byte) '9');
            case 1 -> java.util.Arrays.fill(filler, (byte) ' ');
            case 2 -> {
                for (int i = 0; i < size; i++) filler[i] = (byte) (i % 2 == 0 ? '1' : ',');
            }
            default -> rng.nextBytes(filler);
        }
        return insert(seed, rng.nextInt(seed.length + 1), filler);
    }

    /** Invalid UTF-8 at a random place, or the whole file in UTF-16 or Latin-1 with a non-ASCII letter. */
    static byte[] nonUtf8(byte[] seed, SplittableRandom rng) {
        int choice = rng.nextInt(4);
        if (choice == 0) {
            String text = new String(seed, StandardCharsets.UTF_8);
            Charset cs = rng.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16;
            return text.getBytes(cs);
        }
        if (choice == 1) {
            String text = new String(seed, StandardCharsets.UTF_8);
            int at = text.indexOf('"') >= 0 ? text.indexOf('"') + 1 : 0;
            return (text.substring(0, at) + "Grüße é" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
        }
        byte[] out = seed;
        int n = 1 + rng.nextInt(3);
        for (int i = 0; i < n; i++) out = insert(out, rng.nextInt(out.length + 1), BAD_UTF8[rng.nextInt(BAD_UTF8.length)]);
        return out;
    }

    static byte[] insert(byte[] seed, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(seed.length + what.length);
        out.write(seed, 0, at);
        out.write(what, 0, what.length);
        out.write(seed, at, seed.length - at);
        return out.toByteArray();
    }
}
