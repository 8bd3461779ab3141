package lab.softmax.app.fuzz;

import static lab.softmax.app.fuzz.FuzzTarget.cli;
import static lab.softmax.app.fuzz.FuzzTarget.reader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.app.Labs;
import lab.softmax.app.SampleData;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.app.Settings;
import lab.softmax.app.fuzz.FuzzTarget.Format;
import lab.softmax.app.fuzz.FuzzTarget.Seed;
import lab.softmax.app.lesson.LessonIO;
import lab.softmax.engine.io.Json;
import lab.softmax.engine.io.LogitsFile;
import lab.softmax.engine.io.ScenarioType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every reader of user files, with valid seeds from sample-data (or built here for CSV and .npy): the
 * scenario of every registered scenario type, each command's {@code --input} in each of its formats, the
 * file {@code train grokking --save} appends to, {@code --digits-file}, {@code moe fit --true-model}, lessons and
 * the settings file; and every lab command's option values.
 */
final class FuzzTargets {
    private FuzzTargets() { }

    static List<FuzzTarget> all() {
        List<FuzzTarget> targets = new ArrayList<>();
        for (ScenarioType<?> type : ScenarioTypes.ALL) {
            targets.add(new FuzzTarget("scenario " + type.lab(), Format.JSON, scenarioSeeds(type.lab()),
                    cli("scenario", "validate", "{0}")));
        }
        targets.add(new FuzzTarget("train grokking --save", Format.JSON, scenarioSeeds("collapse"),
                cli("train", "grokking", "--modulus", "5", "--hidden", "4", "--epochs", "1", "--log-every", "1", "--threads", "1",
                        "--save", "{0}", "--json")));
        List<Seed> logitsJson = files(SampleData.directory().resolve("logits"), ".json");
        List<Seed> logitsCsv = csvSeeds(logitsJson);
        List<Seed> logitsNpy = npySeeds(logitsJson);
        for (String command : List.of("normalize", "softmax")) {
            targets.add(new FuzzTarget(command + " --input .json", Format.JSON, logitsJson, cli(command, "--input", "{0}")));
            targets.add(new FuzzTarget(command + " --input .csv", Format.CSV, logitsCsv, cli(command, "--input", "{0}")));
            targets.add(new FuzzTarget(command + " --input .npy", Format.NPY, logitsNpy, cli(command, "--input", "{0}")));
        }
        Path inputs = SampleData.directory().resolve("inputs");
        targets.add(new FuzzTarget("ghosts --input", Format.JSON, files(inputs.resolve("ghosts"), ".json"), cli("ghosts", "--input", "{0}")));
        targets.add(new FuzzTarget("attention map --input .json", Format.JSON, attentionSeeds(inputs.resolve("attention")),
                cli("attention", "map", "--input", "{0}")));
        targets.add(new FuzzTarget("attention map --input Q,K,V.npy", Format.NPY, List.of(qkvNpy()),
                cli("attention", "map", "--input", "{0,1,2}")));
        targets.add(new FuzzTarget("moe gate --input", Format.JSON, files(inputs.resolve("moe"), ".json"),
                cli("moe", "gate", "--top-k", "2", "--capacity-factor", "1", "--input", "{0}")));
        targets.add(new FuzzTarget("moe fit --true-model", Format.JSON, trueModelSeeds(),
                cli("moe", "fit", "--true-model", "{0}", "--n", "20", "--reps", "1", "--threads", "1", "--json")));
        targets.add(new FuzzTarget("train step-safety --digits-file", Format.GZIP_CSV,
                List.of(Seed.of("digits.csv.gz", "digits.csv.gz", bytes(SampleData.directory().resolve("data/digits.csv.gz")))),
                cli("train", "step-safety", "--dataset", "digits", "--digits-file", "{0}", "--steps", "1", "--json")));
        LessonIO lessons = new LessonIO(Labs.REGISTERED, ScenarioTypes.io());
        targets.add(new FuzzTarget("lesson file", Format.JSON, lessonSeeds(), reader(lessons::read)));
        optionTargets(targets);
        targets.add(new FuzzTarget("settings.properties", Format.TEXT,
                List.of(Seed.of("settings", "settings.properties", "# Softmax Lab settings\ntheme=dark\n".getBytes(StandardCharsets.ISO_8859_1))),
                reader(file -> new Settings(file).get("theme", "light"))));
        return targets;
    }

    /**
     * Each command of a lab with a short, valid command line; a case gives one of its options a bad value.
     * The options come from the command's own definition, so a new option is fuzzed without a change here.
     */
    static final java.util.Map<String, List<String>> OPTION_BASES = java.util.Map.ofEntries(
            java.util.Map.entry("softmax", List.of("--input", sample("logits/peaked.json"))),
            java.util.Map.entry("normalize", List.of("--input", sample("logits/peaked.json"))),
            java.util.Map.entry("bench", List.of("--sizes", "1K", "--seconds", "0.01", "--impls", "scalar", "--algorithms", "online",
                    "--probe-size", "0")),
            java.util.Map.entry("attention map", List.of("--input", sample("inputs/attention/two-heads-causal.json"))),
            java.util.Map.entry("attention train", List.of("--preset", "quick", "--steps", "3", "--train-context", "8",
                    "--eval-context", "8", "--eval-examples", "4", "--dim", "4")),
            java.util.Map.entry("attention denoise", List.of("--steps", "3")),
            java.util.Map.entry("attention bench", List.of("--n", "32", "--dim", "8", "--rounds", "1", "--threads", "1")),
            java.util.Map.entry("moe gate", List.of("--input", sample("inputs/moe/three-experts.json"), "--top-k", "2")),
            java.util.Map.entry("moe fit", List.of("--n", "20", "--reps", "1", "--threads", "1", "--case", "k-below-truth")),
            java.util.Map.entry("ghosts", List.of("--input", sample("inputs/ghosts/bin_balanced.json"))),
            java.util.Map.entry("ghosts-bench", List.of("--cases", "2", "--k", "4", "--warmup", "1")),
            java.util.Map.entry("train step-safety", List.of("--steps", "3")),
            java.util.Map.entry("train step-sweep", List.of("--points", "2", "--train-steps", "1", "--rho-star-samples", "0")),
            java.util.Map.entry("train step-map", List.of("--rates", "2", "--steps", "2")),
            java.util.Map.entry("train grokking", List.of("--modulus", "5", "--hidden", "4", "--epochs", "2", "--threads", "1")));
    /**
     * Further valid command lines of commands whose choices change what runs (another model, the full batch,
     * another true model): each is a base of its own, so bad values meet those code paths too.
     */
    static final List<List<String>> OPTION_VARIANTS = List.of(
            List.of("train", "step-safety", "--steps", "3", "--model", "mlp-ln", "--batch-size", "full"),
            List.of("train", "step-safety", "--steps", "3", "--model", "transformer", "--batch-size", "16"),
            List.of("train", "step-safety", "--steps", "3", "--model", "cnn-bn", "--batch-size", "16"),
            List.of("train", "step-map", "--rates", "2", "--steps", "2", "--model", "cnn", "--batch-size", "full"),
            List.of("train", "step-sweep", "--points", "2", "--train-steps", "1", "--rho-star-samples", "0", "--model", "mlp-ln"),
            List.of("moe", "fit", "--n", "20", "--reps", "1", "--threads", "1", "--true-model", "paper", "--case", "k-too-small",
                    "--first-rep", "3"));
    /** Options that name files or free text, or switch output: not value fuzzing. */
    private static final java.util.Set<String> NOT_FUZZED = java.util.Set.of("--help", "--version", "--input", "--save", "--out",
            "--digits-file", "--label", "--title", "--description");

    private static void optionTargets(List<FuzzTarget> targets) {
        picocli.CommandLine root = lab.softmax.app.cli.Cli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        OPTION_BASES.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> targets.add(optionTarget(root, e.getKey(), e.getValue(), "options of " + e.getKey())));
        for (List<String> variant : OPTION_VARIANTS) {
            int firstOption = (int) variant.stream().takeWhile(a -> !a.startsWith("--")).count();
            String command = String.join(" ", variant.subList(0, firstOption));
            targets.add(optionTarget(root, command, variant.subList(firstOption, variant.size()), "options of " + String.join(" ", variant)));
        }
    }

    /** Option cases of one command from one valid command line (the command's words left out of base). */
    private static FuzzTarget optionTarget(picocli.CommandLine root, String commandPath, List<String> base, String name) {
        picocli.CommandLine command = root;
        for (String part : commandPath.split(" ")) command = command.getSubcommands().get(part);
        List<String> options = command.getCommandSpec().options().stream()
                .filter(o -> o.arity().max() > 0 && !NOT_FUZZED.contains(o.longestName()))
                .map(picocli.CommandLine.Model.OptionSpec::longestName).sorted().toList();
        List<String> args = new ArrayList<>(List.of(commandPath.split(" ")));
        args.addAll(base);
        return new FuzzTarget(name, Format.ARGS, List.of(Seed.of(commandPath, "args.txt", OptionMutator.seed(options,
                commandPath.equals("moe fit") ? List.of("--n") : List.of(), args.toArray(String[]::new)))),
                FuzzTarget.optionCase());
    }

    private static String sample(String path) { return SampleData.directory().resolve(path).toString(); }

    /** The shipped scenarios whose "lab" is this type's. */
    static List<Seed> scenarioSeeds(String lab) {
        List<Seed> seeds = new ArrayList<>();
        for (Path p : SampleData.scenarioFiles()) {
            byte[] b = bytes(p);
            JsonNode root = Json.mapper().readTree(b);
            if (root.path("lab").asString("").equals(lab)) seeds.add(Seed.of(p.getFileName().toString(), "scenario.json", b));
        }
        if (seeds.isEmpty()) throw new IllegalStateException("no sample scenario of lab '" + lab + "' to fuzz: add one to sample-data/scenarios");
        return seeds;
    }

    static List<Seed> files(Path dir, String extension) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(extension)).sorted()
                    .map(p -> Seed.of(p.getFileName().toString(), "input" + extension, bytes(p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each logits file as CSV (one value per line), plus a two-row CSV (rows for {@code softmax}). */
    private static List<Seed> csvSeeds(List<Seed> json) {
        List<Seed> seeds = new ArrayList<>();
        for (Seed s : json) {
            double[] z = LogitsFile.readJson(new java.io.ByteArrayInputStream(s.files().getFirst()), s.label());
            StringBuilder b = new StringBuilder("# logits\n");
            for (double v : z) b.append(v).append('\n');
            seeds.add(Seed.of(s.label() + ".csv", "input.csv", b.toString().getBytes(StandardCharsets.UTF_8)));
        }
        seeds.add(Seed.of("rows.csv", "input.csv", "1, 2, 3\n-1, -Infinity, 0.5\n".getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    /** The shorter logits files as float32 and float64 .npy. */
    private static List<Seed> npySeeds(List<Seed> json) {
        List<Seed> seeds = new ArrayList<>();
        for (Seed s : json) {
            double[] z = LogitsFile.readJson(new java.io.ByteArrayInputStream(s.files().getFirst()), s.label());
            if (z.length > 5000) continue;
            seeds.add(Seed.of(s.label() + ".f8.npy", "input.npy", NpyMutator.write(z, z.length, 0, true)));
            seeds.add(Seed.of(s.label() + ".f4.npy", "input.npy", NpyMutator.write(z, z.length, 0, false)));
        }
        return seeds;
    }

    /** The shipped Q/K/V file, the same heads as per-head matrices with a mask, and self-attention from tokens. */
    private static List<Seed> attentionSeeds(Path dir) {
        List<Seed> seeds = new ArrayList<>(files(dir, ".json"));
        String perHead = """
                {"q": [[[1, 0], [0, 1], [1, 1]], [[0.5, -0.5], [0, 1], [1, 0]]],
                 "k": [[[1, 0], [0, 1], [1, -1]], [[1, 1], [0, 2], [-1, 0]]],
                 "v": [[[1], [2], [3]], [[-1], [0], [1]]],
                 "mask": [[0, "-Infinity", "-Infinity"], [0, 0, "-Infinity"], [0, 0, 0]]}
                """;
        String tokens = """
                {"x": [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]],
                 "w_q": [[1, 0], [0, 1], [1, 1]], "w_k": [[0.5, 0], [0, 0.5], [1, -1]], "w_v": [[1, 2], [3, 4], [5, 6]], "heads": 1}
                """;
        seeds.add(Seed.of("per-head.json", "input.json", perHead.getBytes(StandardCharsets.UTF_8)));
        seeds.add(Seed.of("tokens.json", "input.json", tokens.getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    /** The lab's true model with its gates shifted (the same model), and the paper's (k* = 2, K* = 1). */
    private static List<Seed> trueModelSeeds() {
        String lab = """
                {"gates": {"weights": [[2], [10], [2]], "biases": [1.5, -3.5, 0.5]},
                 "experts": {"a": [[-4], [5], [2]], "b": [2, -1, -3], "nu": [0.1, 0.15, 0.2]}, "top_k": 2}
                """;
        String paper = """
                {"name": "paper", "gates": {"weights": [[25], [0]], "biases": [-8, 0]},
                 "experts": {"a": [[-20], [20]], "b": [15, -5], "nu": [0.09, 0.16]}, "top_k": 1}
                """;
        return List.of(Seed.of("lab-shifted.json", "true-model.json", lab.getBytes(StandardCharsets.UTF_8)),
                Seed.of("paper.json", "true-model.json", paper.getBytes(StandardCharsets.UTF_8)));
    }

    private static Seed qkvNpy() {
        double[] q = {1, 0, 0.5, 0, 1, -0.5, 1, 1, 0.25};
        double[] k = {0.5, 1, 0, -1, 0.2, 0.1, 0, 0, 1, 1, 1, 1};
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8};
        return new Seed("qkv", List.of("q.npy", "k.npy", "v.npy"),
                List.of(NpyMutator.write(q, 3, 3, true), NpyMutator.write(k, 4, 3, false), NpyMutator.write(v, 4, 2, true)));
    }

    /** The shipped lessons, which name scenario files, and each with its scenarios written inline. */
    private static List<Seed> lessonSeeds() {
        List<Seed> seeds = new ArrayList<>();
        Path dir = SampleData.directory().resolve("lessons");
        for (Seed s : files(dir, ".json")) {
            seeds.add(new Seed(s.label(), List.of("lessons/lesson.json"), s.files()));
            JsonNode root = Json.mapper().readTree(s.files().getFirst());
            for (JsonNode step : root.path("steps")) {
                Path scenario = dir.resolve(step.path("scenario").asString()).normalize();
                ((ObjectNode) step).set("scenario", Json.mapper().readTree(bytes(scenario)));
            }
            seeds.add(new Seed(s.label() + " (inline)", List.of("lessons/lesson.json"),
                    List.of(Json.mapper().writeValueAsBytes(root))));
        }
        return seeds;
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
