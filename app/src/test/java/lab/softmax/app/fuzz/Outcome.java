package lab.softmax.app.fuzz;

import java.util.List;

/** What one fuzz case did. ACCEPTED and REJECTED are the two allowed outcomes; every other kind is a defect. */
record Outcome(Kind kind, String detail) {
    enum Kind {
        /** exit 0, or the reader returned */
        ACCEPTED,
        /** exit 2 with one line "error: ..." on stderr, or the reader threw InputException */
        REJECTED,
        /** exit 1: the CLI took the input for a bug */
        EXIT_1,
        /** exit 2 but not exactly one "error:" line */
        NOT_ONE_LINE,
        /** a stack trace printed */
        STACK_TRACE,
        /** the reader threw something other than InputException */
        THROWN,
        OUT_OF_MEMORY,
        /** still running after the time limit */
        HANG;

        boolean allowed() { return this == ACCEPTED || this == REJECTED; }
    }

    /** A CLI run judged by the contract: exit 0, or exit 2 with exactly one "error:" line and no trace. */
    static Outcome ofCli(int exit, String out, String err) {
        List<String> lines = err.lines().toList();
        boolean trace = err.contains("\tat ") || out.contains("\tat ");
        if (trace) return new Outcome(Kind.STACK_TRACE, lines.isEmpty() ? "" : lines.getFirst());
        return switch (exit) {
            case 0 -> new Outcome(Kind.ACCEPTED, "");
            case 2 -> lines.size() == 1 && lines.getFirst().startsWith("error: ")
                    ? new Outcome(Kind.REJECTED, lines.getFirst())
                    : new Outcome(Kind.NOT_ONE_LINE, lines.size() + " lines: " + String.join(" | ", lines.subList(0, Math.min(3, lines.size()))));
            case 1 -> new Outcome(Kind.EXIT_1, lines.isEmpty() ? "" : lines.getFirst());
            default -> new Outcome(Kind.EXIT_1, "exit " + exit + ": " + (lines.isEmpty() ? "" : lines.getFirst()));
        };
    }
}
