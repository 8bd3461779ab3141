package lab.softmax.app.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.softmax.app.SampleData;

/** The lessons shipped in sample-data/lessons/: adding one is adding a file there. */
public final class ShippedLessons {
    private ShippedLessons() { }

    public static Path directory() { return SampleData.directory().resolve("lessons"); }

    /** The lesson files, sorted by name (a numeric prefix orders them). */
    public static List<Path> files() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
