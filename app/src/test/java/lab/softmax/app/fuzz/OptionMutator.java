package lab.softmax.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Bad option values: the "file" of an option case is a command line, one argument per line, after a first
 * line {@code #options --a --b ...} naming the options that take a value. A case gives one (or two) of them a
 * value a user could mistype: negative, zero, NaN, infinite, beyond int, enormous, not a number, empty.
 */
final class OptionMutator {
    static final String HEADER = "#options";
    static final String BUDGET_MARK = "#budgets";
    /** Options whose large values only make a run longer (a budget), never bigger: they get no large values. */
    private static final Set<String> BUDGETS = Set.of("--epochs", "--steps", "--cases", "--rounds", "--reps", "--points",
            "--rates", "--warmup", "--benchmark", "--seconds", "--train-steps", "--rho-star-samples", "--timeout", "--spike-until",
            "--spike-at", "--log-every", "--eval-examples", "--slope-from");

    private static final String[] SMALL = {"-1", "0", "-0", "-2147483648", "0.5", "-0.0", "1e-320"};
    private static final String[] NON_FINITE = {"NaN", "Infinity", "-Infinity", "1e309", "-1e308"};
    private static final String[] LARGE = {"1e308", "2147483647", "2147483648", "99999999999999999999", "100000", "65537", "1e9"};
    private static final String[] NOT_NUMBERS = {"abc", "", " ", "1,2", "1..", "0x10", "١", "--json", "fp16,", "1e", "\u0000", "a\tb"};

    private OptionMutator() { }

    /** @param budgets this command's options that are budgets beyond {@link #BUDGETS} (moe fit's --n) */
    static byte[] seed(List<String> options, List<String> budgets, String... args) {
        return (HEADER + " " + String.join(" ", options) + " " + BUDGET_MARK + " " + String.join(" ", budgets) + "\n"
                + String.join("\n", args)).getBytes(StandardCharsets.UTF_8);
    }

    /** The command line of an option case (the header line dropped). */
    static String[] args(byte[] file) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(file, StandardCharsets.UTF_8).split("\n", -1)));
        lines.removeFirst();
        return lines.toArray(String[]::new);
    }

    static byte[] apply(Mutation m, byte[] seed, SplittableRandom rng) {
        String[] lines = new String(seed, StandardCharsets.UTF_8).split("\n", -1);
        String[] header = lines[0].substring(HEADER.length()).split(BUDGET_MARK, -1);
        String[] options = header[0].trim().split(" ");
        Set<String> budgets = new java.util.HashSet<>(BUDGETS);
        budgets.addAll(Arrays.asList(header[1].trim().split(" ")));
        List<String> args = new ArrayList<>(Arrays.asList(lines).subList(1, lines.length));
        int changes = m == Mutation.COMBINED ? 2 : 1;
        for (int c = 0; c < changes; c++) {
            String option = options[rng.nextInt(options.length)];
            String[] pool = switch (m) {
                case SPECIAL_NUMBER -> NON_FINITE;
                case HUGE -> budgets.contains(option) ? SMALL : LARGE;
                case WRONG_TYPED, NON_UTF8 -> NOT_NUMBERS;
                case TRUNCATED, BYTE_FLIPPED -> SMALL;
                default -> concat(SMALL, NON_FINITE, NOT_NUMBERS, budgets.contains(option) ? new String[0] : LARGE);
            };
            String value = pool[rng.nextInt(pool.length)];
            int at = args.indexOf(option);
            if (m == Mutation.TRUNCATED) {
                // the option last, without its value
                if (at >= 0) {
                    args.remove(at + 1);
                    args.remove(at);
                }
                args.add(option);
            } else if (m == Mutation.DUPLICATED_KEY || at < 0) {
                args.add(option);
                args.add(value);
            } else {
                args.set(at + 1, value);
            }
        }
        return (lines[0] + "\n" + String.join("\n", args)).getBytes(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
