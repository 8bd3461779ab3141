package lab.softmax.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.softmax.engine.io.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Structure-aware damage to a JSON seed: values of the wrong type, repeated keys, deep nesting, odd numbers, huge arrays. */
final class JsonMutator {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"-])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?(?![\\w.\"])");
    private static final Pattern KEY = Pattern.compile("\"([^\"\\\\]{1,40})\"\\s*:");
    private static final Pattern NUMBER_ARRAY = Pattern.compile("\\[\\s*(?=-?\\d)");
    private static final Pattern STRING_VALUE = Pattern.compile(":\\s*\"[^\"\\\\]*\"");

    private JsonMutator() { }

    static byte[] apply(Mutation m, byte[] seed, SplittableRandom rng) {
        String text = new String(seed, StandardCharsets.UTF_8);
        return switch (m) {
            case TRUNCATED -> Mutation.truncate(seed, rng);
            case BYTE_FLIPPED -> Mutation.flip(seed, rng);
            case NON_UTF8 -> Mutation.nonUtf8(seed, rng);
            case HUGE -> huge(text, seed, rng);
            case DEEPLY_NESTED -> utf8(deep(text, rng));
            case WRONG_TYPED -> utf8(wrongType(text, rng));
            case DUPLICATED_KEY -> utf8(duplicateKey(text, rng));
            case SPECIAL_NUMBER -> utf8(specialNumbers(text, rng));
            case COMBINED -> {
                byte[] out = seed;
                int n = 2 + rng.nextInt(2);
                for (int i = 0; i < n; i++) out = apply(Mutation.values()[rng.nextInt(Mutation.COMBINED.ordinal())], out, rng);
                yield out;
            }
        };
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** Replaces 1 to 3 numbers with a special one (NaN, ±Infinity, 1e308, 1e309, a 400-digit integer, ...). */
    static String specialNumbers(String text, SplittableRandom rng) {
        List<int[]> spans = spans(NUMBER, text);
        if (spans.isEmpty()) return text;
        int n = 1 + rng.nextInt(3);
        StringBuilder b = new StringBuilder(text);
        // replace from the end so earlier offsets stay valid
        List<int[]> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) chosen.add(spans.get(rng.nextInt(spans.size())));
        chosen.stream().distinct().sorted((a, c) -> c[0] - a[0]).forEach(s ->
                b.replace(s[0], s[1], Mutation.SPECIAL_NUMBERS[rng.nextInt(Mutation.SPECIAL_NUMBERS.length)]));
        return b.toString();
    }

    /** A key of some object given twice, the copy with another value (of any type). */
    static String duplicateKey(String text, SplittableRandom rng) {
        List<int[]> keys = spans(KEY, text);
        if (keys.isEmpty()) return text;
        int[] k = keys.get(rng.nextInt(keys.size()));
        String copy = text.substring(k[0], k[1]) + " " + Mutation.ANY_VALUE[rng.nextInt(Mutation.ANY_VALUE.length)] + ", ";
        return text.substring(0, k[0]) + copy + text.substring(k[0]);
    }

    /**
     * One value in the tree replaced by a value of another type. The depth is drawn first, then a container at
     * that depth: the few top-level fields (a scenario's title, lab, version) are hit as often as the many
     * numbers deep in its arrays.
     */
    static String wrongType(String text, SplittableRandom rng) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (RuntimeException e) {
            return text;
        }
        java.util.TreeMap<Integer, List<JsonNode>> byDepth = new java.util.TreeMap<>();
        collect(root, 0, byDepth);
        if (byDepth.isEmpty()) return text;
        List<List<JsonNode>> levels = new ArrayList<>(byDepth.values());
        List<JsonNode> level = levels.get(rng.nextInt(levels.size()));
        JsonNode parent = level.get(rng.nextInt(level.size()));
        JsonNode value = Json.mapper().readTree(Mutation.ANY_VALUE[rng.nextInt(Mutation.ANY_VALUE.length)]);
        if (parent instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            o.set(names.get(rng.nextInt(names.size())), value);
        } else if (parent instanceof ArrayNode a) {
            a.set(rng.nextInt(a.size()), value);
        }
        return Json.mapper().writeValueAsString(root);
    }

    private static void collect(JsonNode node, int depth, java.util.Map<Integer, List<JsonNode>> out) {
        if ((node.isObject() || node.isArray()) && !node.isEmpty()) out.computeIfAbsent(depth, d -> new ArrayList<>()).add(node);
        for (JsonNode child : node) collect(child, depth + 1, out);
    }

    /** A number wrapped in 10 to 100 000 arrays or objects, or the whole document; sometimes never closed. */
    static String deep(String text, SplittableRandom rng) {
        int[] depths = {10, 63, 65, 600, 5_000, 100_000};
        int depth = depths[rng.nextInt(depths.length)];
        boolean objects = rng.nextBoolean();
        boolean closed = rng.nextInt(4) != 0;
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        StringBuilder nested = new StringBuilder(depth * 5 + 8);
        nested.append(open.repeat(depth)).append("1");
        if (closed) nested.append(close.repeat(depth));
        List<int[]> numbers = spans(NUMBER, text);
        if (numbers.isEmpty() || rng.nextInt(3) == 0) {
            return open.repeat(depth) + text + (closed ? close.repeat(depth) : "");
        }
        int[] s = numbers.get(rng.nextInt(numbers.size()));
        return text.substring(0, s[0]) + nested + text.substring(s[1]);
    }

    /** Megabytes where a file has bytes: a long number array, a long text, a long number, a long key, or filler. */
    static byte[] huge(String text, byte[] seed, SplittableRandom rng) {
        int kind = rng.nextInt(5);
        if (kind == 0) {
            List<int[]> arrays = spans(NUMBER_ARRAY, text);
            if (!arrays.isEmpty()) {
                int[] a = arrays.get(rng.nextInt(arrays.size()));
                int count = 50_000 * (1 + rng.nextInt(10));
                return utf8(text.substring(0, a[1]) + "0.25,".repeat(count) + text.substring(a[1]));
            }
        }
        if (kind == 1) {
            List<int[]> strings = spans(STRING_VALUE, text);
            if (!strings.isEmpty()) {
                int[] s = strings.get(rng.nextInt(strings.size()));
                int length = rng.nextBoolean() ? (1 << 20) + 1 : 1 << 19;
                return utf8(text.substring(0, s[0]) + ": \"" + "x".repeat(length) + "\"" + text.substring(s[1]));
            }
        }
        if (kind == 2) {
            List<int[]> numbers = spans(NUMBER, text);
            if (!numbers.isEmpty()) {
                int[] s = numbers.get(rng.nextInt(numbers.size()));
                return utf8(text.substring(0, s[0]) + "1".repeat(rng.nextBoolean() ? 99 : 10_000) + text.substring(s[1]));
            }
        }
        if (kind == 3) {
            List<int[]> keys = spans(KEY, text);
            if (!keys.isEmpty()) {
                int[] k = keys.get(rng.nextInt(keys.size()));
                return utf8(text.substring(0, k[0]) + "\"" + "k".repeat(100_000) + "\": 1, " + text.substring(k[0]));
            }
        }
        return Mutation.hugeInsert(seed, rng);
    }

    private static List<int[]> spans(Pattern p, String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }
}
