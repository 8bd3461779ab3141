package lab.softmax.app.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Damage to CSV seeds (logits, and the gzip-compressed digits data): the JSON kinds, translated to lines of numbers. */
final class TextMutator {
    private static final String[] WORDS = {"abc", "true", "", "1,2", "\"3\"", "1e", "--1", "1..2", "٣", "１"};

    private TextMutator() { }

    static byte[] csv(Mutation m, byte[] seed, SplittableRandom rng) {
        String text = new String(seed, StandardCharsets.UTF_8);
        return switch (m) {
            case TRUNCATED -> Mutation.truncate(seed, rng);
            case BYTE_FLIPPED -> Mutation.flip(seed, rng);
            case NON_UTF8 -> Mutation.nonUtf8(seed, rng);
            case HUGE -> rng.nextBoolean() ? Mutation.hugeInsert(seed, rng)
                    : (text + ("0.5," .repeat(999) + "0.5\n").repeat(100 + rng.nextInt(400))).getBytes(StandardCharsets.UTF_8);
            case SPECIAL_NUMBER -> JsonMutator.specialNumbers(text, rng).replace("\"", "").getBytes(StandardCharsets.UTF_8);
            case WRONG_TYPED -> {
                String[] cells = text.split(",", -1);
                cells[rng.nextInt(cells.length)] = WORDS[rng.nextInt(WORDS.length)];
                yield String.join(",", cells).getBytes(StandardCharsets.UTF_8);
            }
            case DUPLICATED_KEY -> {
                String[] lines = text.split("\n", -1);
                String line = lines[rng.nextInt(lines.length)];
                yield (text + "\n" + line + "\n" + line).getBytes(StandardCharsets.UTF_8);
            }
            case DEEPLY_NESTED -> Mutation.insert(seed, rng.nextInt(seed.length + 1), "[".repeat(10_000).getBytes(StandardCharsets.UTF_8));
            case COMBINED -> csv(Mutation.values()[rng.nextInt(Mutation.COMBINED.ordinal())],
                    csv(Mutation.values()[rng.nextInt(Mutation.COMBINED.ordinal())], seed, rng), rng);
        };
    }

    /** Half of the time the compressed bytes are damaged, else the CSV inside, compressed again. */
    static byte[] gzipCsv(Mutation m, byte[] seed, SplittableRandom rng) {
        if (rng.nextBoolean()) {
            return switch (m) {
                case TRUNCATED -> Mutation.truncate(seed, rng);
                case HUGE -> Mutation.hugeInsert(seed, rng);
                default -> Mutation.flip(seed, rng);
            };
        }
        return gzip(csv(m, gunzip(seed), rng));
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] data) {
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return z.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
