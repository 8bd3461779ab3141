package lab.softmax.app.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import lab.softmax.app.cli.Cli;
import lab.softmax.engine.io.InputException;

/**
 * One reader under fuzz: the files it reads (seeds: valid examples, damaged one file at a time) and how a
 * damaged file is fed to it, through the command line in-process or straight to the reader.
 */
record FuzzTarget(String name, Format format, List<Seed> seeds, Runner runner) {
    /** One valid input: its files (name, bytes); a case damages one of them. */
    record Seed(String label, List<String> names, List<byte[]> files) {
        static Seed of(String label, String name, byte[] bytes) { return new Seed(label, List.of(name), List.of(bytes)); }
    }

    enum Format {
        JSON, CSV, NPY, GZIP_CSV, TEXT, ARGS;

        byte[] mutate(Mutation m, byte[] seed, SplittableRandom rng) {
            return switch (this) {
                case JSON -> JsonMutator.apply(m, seed, rng);
                case CSV, TEXT -> TextMutator.csv(m, seed, rng);
                case NPY -> NpyMutator.apply(m, seed, rng);
                case GZIP_CSV -> TextMutator.gzipCsv(m, seed, rng);
                case ARGS -> OptionMutator.apply(m, seed, rng);
            };
        }
    }

    @FunctionalInterface
    interface Runner {
        /** Feeds the written files (in the seed's order) to the reader. */
        Outcome run(List<Path> files) throws Exception;
    }

    /**
     * A command line run in-process through {@link Cli#run(PrintWriter, PrintWriter, String...)}, the entry point
     * {@code main} uses, so the exit status comes from the real mapping. {@code {0}}, {@code {1}}, ... stand
     * for the files; {@code {0,1,2}} for them joined by commas.
     */
    static Runner cli(String... template) {
        return files -> {
            String[] args = new String[template.length];
            for (int i = 0; i < template.length; i++) {
                String a = template[i];
                if (a.equals("{0,1,2}")) a = files.get(0) + "," + files.get(1) + "," + files.get(2);
                for (int f = 0; f < files.size(); f++) a = a.replace("{" + f + "}", files.get(f).toString());
                args[i] = a;
            }
            return run(args);
        };
    }

    private static Outcome run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return Outcome.ofCli(exit, out.toString(), err.toString());
    }

    /** A command line read from the case's file ({@link OptionMutator}), run as {@link #cli} runs one. */
    static Runner optionCase() {
        return files -> run(OptionMutator.args(java.nio.file.Files.readAllBytes(files.getFirst())));
    }

    /** A reader called directly: returning is acceptance, an InputException a clean rejection, anything else a defect. */
    static Runner reader(ReaderCall call) {
        return files -> {
            try {
                call.read(files.getFirst());
                return new Outcome(Outcome.Kind.ACCEPTED, "");
            } catch (InputException e) {
                String message = e.getMessage();
                return message.contains("\n") ? new Outcome(Outcome.Kind.NOT_ONE_LINE, message)
                        : new Outcome(Outcome.Kind.REJECTED, message);
            }
        };
    }

    @FunctionalInterface
    interface ReaderCall {
        void read(Path file) throws Exception;
    }
}
