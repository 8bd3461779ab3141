package lab.softmax.app.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.softmax.app.SampleData;
import lab.softmax.app.fuzz.FuzzTarget.Seed;

/**
 * Runs seeded fuzz cases. Case {@code i} of seed {@code s} is always the same input (target, seed file,
 * damage), so a failure is rerun alone with {@code -Dfuzz.seed=s -Dfuzz.first=i -Dfuzz.cases=1}. Each case
 * runs on a worker thread under a time limit; a failing input is kept under the work folder's
 * {@code failures/}.
 */
final class InputFuzzer {
    private final List<FuzzTarget> targets;
    private final long seed;
    private final Path work;
    private final long limitMillis;
    private ExecutorService worker = newWorker();

    InputFuzzer(List<FuzzTarget> targets, long seed, Path work, long limitMillis) throws IOException {
        this.targets = targets;
        this.seed = seed;
        this.work = work;
        this.limitMillis = limitMillis;
        Files.createDirectories(work);
        Path failures = work.resolve("failures");
        if (Files.isDirectory(failures)) {
            try (var s = Files.walk(failures)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Path scenarios = work.resolve("scenarios");
        // Lessons name their scenarios as ../scenarios/<lab>/<file>; the shipped ones stay where they are.
        if (!Files.exists(scenarios, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(scenarios, SampleData.directory().resolve("scenarios").toAbsolutePath());
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** One case's input: which reader, which seed, which damage, and the damaged files. */
    record Case(long index, FuzzTarget target, Seed seed, Mutation mutation, int damagedFile, List<byte[]> files) { }

    Case generate(long index) {
        SplittableRandom rng = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
        FuzzTarget target = targets.get(rng.nextInt(targets.size()));
        Seed s = target.seeds().get(rng.nextInt(target.seeds().size()));
        Mutation m = Mutation.values()[rng.nextInt(Mutation.values().length)];
        int damaged = rng.nextInt(s.files().size());
        List<byte[]> files = new ArrayList<>(s.files());
        files.set(damaged, target.format().mutate(m, s.files().get(damaged), rng));
        return new Case(index, target, s, m, damaged, files);
    }

    /**
     * The whole run as the test and {@link #main} do it: the tally written to {@code work/tally.txt} every
     * thousand cases and at the end, and printed.
     */
    static Tally runAndReport(List<FuzzTarget> targets, long seed, long first, long count, Path work, long limitMillis)
            throws IOException {
        String heading = "fuzz seed " + seed + ", cases " + first + ".." + (first + count - 1) + "\n";
        Tally tally = new InputFuzzer(targets, seed, work, limitMillis).run(first, count, t -> {
            try {
                Files.writeString(work.resolve("tally.txt"), heading + "(running)\n" + t.format());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String report = heading + tally.format();
        Files.writeString(work.resolve("tally.txt"), report);
        System.out.println(report);
        return tally;
    }

    /** The long run without Maven: {@code java -cp <test class path> lab.softmax.app.fuzz.InputFuzzer CASES SEED WORK}. */
    public static void main(String[] args) throws IOException {
        Tally t = runAndReport(FuzzTargets.all(), Long.parseLong(args[1]), 0, Long.parseLong(args[0]), Path.of(args[2]), 5000);
        System.exit(t.failed() == 0 ? 0 : 1);
    }

    /** Runs cases first .. first+count-1 and tallies them. */
    Tally run(long first, long count) throws IOException {
        return run(first, count, t -> { });
    }

    /** As above, handing the tally so far to {@code every1000} after each thousand cases (a long run's progress). */
    Tally run(long first, long count, java.util.function.Consumer<Tally> every1000) throws IOException {
        Tally tally = new Tally();
        for (long i = first; i < first + count; i++) {
            if (i > first && (i - first) % 1000 == 0) every1000.accept(tally);
            Case c = generate(i);
            List<Path> paths = write(c);
            long start = System.nanoTime();
            Outcome o = runOne(c, paths);
            long millis = (System.nanoTime() - start) / 1_000_000;
            tally.add(c, o, millis);
            if (!o.kind().allowed()) tally.failures.add(describe(c, o, keep(c, paths)));
        }
        worker.shutdownNow();
        return tally;
    }

    /**
     * Wall time after which a case counts as hung whatever its CPU time (a case that blocks, or one whose work
     * runs on other threads): 50 s, or {@code -Dfuzz.wallSeconds} for a run under {@code nice} on a busy machine.
     */
    private static final long WALL_LIMIT_SECONDS = Long.getLong("fuzz.wallSeconds", 50);

    /**
     * Runs a case on the worker. A hang is more than the limit of CPU time on the case's thread (on a loaded
     * machine wall time says little about the code), or {@link #WALL_LIMIT_SECONDS} of wall time.
     */
    private Outcome runOne(Case c, List<Path> paths) {
        java.util.concurrent.atomic.AtomicReference<Thread> runner = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong cpuAtStart = new java.util.concurrent.atomic.AtomicLong();
        Future<Outcome> f = worker.submit(() -> {
            cpuAtStart.set(THREADS.getCurrentThreadCpuTime());
            runner.set(Thread.currentThread());
            return c.target().runner().run(paths);
        });
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    return f.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    Thread t = runner.get();
                    long cpu = t == null ? 0 : THREADS.getThreadCpuTime(t.threadId()) - cpuAtStart.get();
                    long wall = System.nanoTime() - start;
                    if (cpu > limitMillis * 1_000_000 || wall > WALL_LIMIT_SECONDS * 1_000_000_000L) {
                        f.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();   // the stuck thread is abandoned; later cases get a fresh one
                        return new Outcome(Outcome.Kind.HANG, String.format(Locale.ROOT, "still running after %d ms CPU, %d ms wall",
                                cpu / 1_000_000, wall / 1_000_000));
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof OutOfMemoryError) return new Outcome(Outcome.Kind.OUT_OF_MEMORY, String.valueOf(t));
            return new Outcome(Outcome.Kind.THROWN, t + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private List<Path> write(Case c) throws IOException {
        Path dir = work.resolve("case");
        List<Path> paths = new ArrayList<>();
        for (int f = 0; f < c.files().size(); f++) {
            Path p = dir.resolve(c.seed().names().get(f));
            Files.createDirectories(p.getParent());
            Files.write(p, c.files().get(f));
            paths.add(p);
        }
        return paths;
    }

    /** Copies a failing case's files to failures/case-N/, for reproduction. */
    private Path keep(Case c, List<Path> paths) {
        Path dir = work.resolve("failures").resolve("case-" + c.index());
        try {
            for (Path p : paths) {
                Path to = dir.resolve(work.resolve("case").relativize(p));
                Files.createDirectories(to.getParent());
                Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private String describe(Case c, Outcome o, Path kept) {
        return String.format(Locale.ROOT, "case %d [%s, seed %s, %s on %s]: %s %s (input kept in %s)", c.index(), c.target().name(),
                c.seed().label(), c.mutation(), c.seed().names().get(c.damagedFile()), o.kind(), o.detail(), kept);
    }

    /** Counts per reader and per kind of damage, the slowest case, and the failures in words. */
    static final class Tally {
        final Map<String, EnumMap<Outcome.Kind, Integer>> byTarget = new TreeMap<>();
        final Map<Mutation, EnumMap<Outcome.Kind, Integer>> byMutation = new EnumMap<>(Mutation.class);
        final EnumMap<Outcome.Kind, Integer> total = new EnumMap<>(Outcome.Kind.class);
        final List<String> failures = new ArrayList<>();
        long cases;
        long slowestMillis;
        String slowest = "";

        void add(Case c, Outcome o, long millis) {
            cases++;
            byTarget.computeIfAbsent(c.target().name(), k -> new EnumMap<>(Outcome.Kind.class)).merge(o.kind(), 1, Integer::sum);
            byMutation.computeIfAbsent(c.mutation(), k -> new EnumMap<>(Outcome.Kind.class)).merge(o.kind(), 1, Integer::sum);
            total.merge(o.kind(), 1, Integer::sum);
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowest = "case " + c.index() + " (" + c.target().name() + ", " + c.mutation() + ")";
            }
        }

        int failed() { return failures.size(); }

        String format() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d cases: %s; slowest %d ms, %s%n", cases, total, slowestMillis, slowest));
            b.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s%n", "reader", "accepted", "rejected", "defects"));
            byTarget.forEach((t, k) -> b.append(row(t, k)));
            b.append(String.format(Locale.ROOT, "%-36s %9s %9s %9s%n", "damage", "accepted", "rejected", "defects"));
            byMutation.forEach((m, k) -> b.append(row(m.name().toLowerCase(Locale.ROOT).replace('_', '-'), k)));
            failures.forEach(f -> b.append("DEFECT ").append(f).append('\n'));
            return b.toString();
        }

        private static String row(String name, EnumMap<Outcome.Kind, Integer> k) {
            int defects = k.entrySet().stream().filter(e -> !e.getKey().allowed()).mapToInt(Map.Entry::getValue).sum();
            return String.format(Locale.ROOT, "%-36s %9d %9d %9d%n", name, k.getOrDefault(Outcome.Kind.ACCEPTED, 0),
                    k.getOrDefault(Outcome.Kind.REJECTED, 0), defects);
        }
    }
}
