package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that saving is atomic: a separate JVM saves two versions of a file in a loop through
 * {@link AtomicFiles} (every save of the app goes through it) and is killed with SIGKILL at a random
 * moment; afterwards the file is byte for byte the old or the new version, never a mixture or a cut.
 * CI kills {@value #CI_KILLS} times; docs/RELIABILITY.md reports the full run ({@code -Dkill.count=200}) and the
 * same loop with a plain {@code Files.write} as a control, which does leave partial files
 * ({@code -Dkill.writer=plain}, expected to fail).
 */
class KillDuringSaveTest {
    static final int CI_KILLS = 25;
    private static final int KILLS = Integer.getInteger("kill.count", CI_KILLS);
    private static final boolean PLAIN = "plain".equals(System.getProperty("kill.writer"));

    @TempDir Path dir;

    /** Version v of the file: about 1 MiB (v = 0) or 1.5 MiB (v = 1) of bytes that say which version they are. */
    static byte[] version(int v) {
        byte[] b = new byte[(1 << 20) + v * (1 << 19)];
        SplittableRandom r = new SplittableRandom(v);
        for (int i = 0; i < b.length; i++) b[i] = (byte) ('a' + r.nextInt(26));
        byte[] head = ("version " + v + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** The child: saves version 1, 0, 1, 0, ... to args[0] until killed, printing each completed save. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        boolean plain = args.length > 1 && args[1].equals("plain");
        byte[][] versions = {version(0), version(1)};
        for (long i = 1; ; i++) {
            byte[] content = versions[(int) (i % 2)];
            if (plain) {
                Files.write(target, content);   // the control: truncate, then write in place
            } else {
                AtomicFiles.write(target, out -> out.write(content));
            }
            System.out.println("saved " + i);
            System.out.flush();
        }
    }

    @Test
    void aSaveKilledAtARandomMomentLeavesTheOldOrTheNewFile() throws Exception {
        byte[][] versions = {version(0), version(1)};
        SplittableRandom rng = new SplittableRandom(Long.getLong("kill.seed", 2026));
        int partial = 0;
        int midWrite = 0;
        long saves = 0;
        long start = System.nanoTime();
        for (int kill = 0; kill < KILLS; kill++) {
            Path target = dir.resolve("kill-" + kill).resolve("scenario.json");
            Files.createDirectories(target.getParent());
            Files.write(target, versions[0]);
            Process child = startChild(target);
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String first = lines.readLine();   // the child is up and one save is done
            assertTrue(first != null && first.startsWith("saved"), "the child did not start: " + first);
            java.util.concurrent.atomic.AtomicLong completed = new java.util.concurrent.atomic.AtomicLong(1);
            Thread counter = Thread.ofVirtual().start(() -> {
                try {
                    while (lines.readLine() != null) completed.incrementAndGet();
                } catch (IOException streamClosedByTheKill) {
                    // the count so far stands
                }
            });
            Thread.sleep(rng.nextInt(400));
            child.destroyForcibly();   // SIGKILL on Linux and macOS
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            counter.join(10_000);
            saves += completed.get();
            byte[] after = Files.readAllBytes(target);
            boolean whole = Arrays.equals(after, versions[0]) || Arrays.equals(after, versions[1]);
            if (!whole) partial++;
            if (leftovers(target.getParent()) > 0) midWrite++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String tally = String.format(Locale.ROOT, "%s: %d kills, %d saves completed before them, %d kills during a write "
                + "(a temp file left), %d partial files; %.0f s", PLAIN ? "plain Files.write (control)" : "AtomicFiles.write",
                KILLS, saves, midWrite, partial, seconds);
        System.out.println(tally);
        Files.writeString(Path.of("target", "kill-during-save.txt"), tally + "\n");
        assertEquals(0, partial, tally);
    }

    private static long leftovers(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    /** A small JVM: this test's class path, the quickest start flags. */
    private static Process startChild(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), KillDuringSaveTest.class.getName(), target.toString(), PLAIN ? "plain" : "atomic");
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
