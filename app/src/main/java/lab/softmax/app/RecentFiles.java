package lab.softmax.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.softmax.engine.io.AtomicFiles;

/** The most recently opened or saved scenarios, kept in a small text file (one path per line). */
public final class RecentFiles {
    private static final int LIMIT = 10;
    private final Path store;

    public RecentFiles(Path store) { this.store = store; }

    /** ~/.config/softmax-lab/recent.txt, or -Dsoftmaxlab.config=DIR. */
    public static RecentFiles forUser() {
        return new RecentFiles(Settings.directory().resolve("recent.txt"));
    }

    public List<Path> list() {
        try {
            if (!Files.exists(store)) return List.of();
            return Files.readAllLines(store).stream().filter(l -> !l.isBlank()).map(Path::of)
                    .filter(Files::exists).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    public void add(Path file) {
        List<Path> paths = new ArrayList<>(list());
        Path abs = file.toAbsolutePath().normalize();
        paths.remove(abs);
        paths.addFirst(abs);
        StringBuilder b = new StringBuilder();
        paths.stream().limit(LIMIT).forEach(p -> b.append(p).append('\n'));
        try {
            AtomicFiles.writeString(store, b.toString());
        } catch (IOException e) {
            // A recent-files list that cannot be written is not worth interrupting the user for.
        }
    }
}
