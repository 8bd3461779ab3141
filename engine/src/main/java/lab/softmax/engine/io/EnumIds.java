package lab.softmax.engine.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Reads a named choice (a precision, a normaliser, a data set...) from its command-line/scenario id. */
public final class EnumIds {
    private EnumIds() { }

    /**
     * The value whose id is text, ignoring case and surrounding blanks.
     *
     * @param what the choice's name for the message, e.g. "precision"
     * @throws IllegalArgumentException naming the text and every id, e.g.
     *         "unknown precision 'fp8' (expected fp64, fp32, fp16 or bf16)"
     */
    public static <E> E parse(E[] values, Function<E, String> id, String text, String what) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (E e : values) if (id.apply(e).equals(key)) return e;
        throw new InputException("", "unknown " + what + " '" + text + "' (expected " + listed(values, id) + ")");
    }

    /** "a", "a or b", "a, b or c". */
    private static <E> String listed(E[] values, Function<E, String> id) {
        String[] ids = Arrays.stream(values).map(id).toArray(String[]::new);
        if (ids.length == 1) return ids[0];
        return String.join(", ", Arrays.copyOf(ids, ids.length - 1)) + " or " + ids[ids.length - 1];
    }
}
