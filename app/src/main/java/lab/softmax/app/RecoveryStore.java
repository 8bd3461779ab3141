package lab.softmax.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.engine.io.Scenario;
import lab.softmax.engine.io.ScenarioIO;

/**
 * Recovery files: while the app runs, each lab's state is kept in {@code <state>/recovery/<session>/<lab>.json}
 * (written atomically), and the session folder holds a lock for as long as the process lives. A clean exit
 * deletes the folder; after a crash (kill -9, power cut) the folder stays and its lock is free, which is how
 * the next start tells a crashed session from one that is still running in another window.
 */
public final class RecoveryStore implements AutoCloseable {
    private static final String LOCK = "session.lock";
    private final Path folder;
    private final ScenarioIO io;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RecoveryStore(Path folder, ScenarioIO io, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.io = io;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static Path root() { return StateDirectory.get().resolve("recovery"); }

    /** Starts this process's session: a fresh folder under {@code root}, locked until {@link #close()} or death. */
    public static RecoveryStore start(Path root, ScenarioIO io) throws IOException {
        Path folder = root.resolve(ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("cannot lock " + folder);
        }
        return new RecoveryStore(folder, io, channel, lock);
    }

    public Path folder() { return folder; }

    /** Keeps a lab's state (atomically: a crash mid-write leaves the previous recovery file). */
    public void save(String lab, Scenario<?> scenario) throws IOException {
        io.write(folder.resolve(lab + ".json"), scenario);
    }

    /** A clean exit: nothing to recover. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            lockChannel.close();
        } finally {
            deleteFolder(folder);
        }
    }

    /** One lab's state left by a session that ended without closing: its file, read when it is restored. */
    public record Recovered(String lab, Path file, Instant saved) { }

    /**
     * What crashed sessions left, newest first, without reading the states (a 10^7-logit state takes seconds:
     * the start must not wait for it); a session still running (its lock held) is not touched.
     */
    public static List<Recovered> orphans(Path root) {
        List<Recovered> found = new ArrayList<>();
        for (Path session : crashedSessions(root)) {
            try (Stream<Path> files = Files.list(session)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                    String name = f.getFileName().toString();
                    found.add(new Recovered(name.substring(0, name.length() - 5), f, Files.getLastModifiedTime(f).toInstant()));
                }
            } catch (IOException e) {
                // an unreadable session folder offers nothing
            }
        }
        found.sort(Comparator.comparing(Recovered::saved).reversed());
        return found;
    }

    /** Deletes what crashed sessions left (after they were restored or declined). */
    public static void discardOrphans(Path root) {
        for (Path session : crashedSessions(root)) deleteFolder(session);
    }

    private static List<Path> crashedSessions(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).filter(RecoveryStore::abandoned).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Its owner is gone: the lock can be taken (and is released again at once). */
    private static boolean abandoned(Path session) {
        Path lockFile = session.resolve(LOCK);
        if (!Files.exists(lockFile)) return true;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) return false;
            probe.release();
            return true;
        } catch (OverlappingFileLockException ours) {
            return false;   // this very process holds it
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // left for the next start to offer or discard
        }
    }
}
