package lab.softmax.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shipped sample-data folder: -Dsoftmaxlab.sampleData, else the nearest one above the working directory. */
public final class SampleData {
    public static final String PROPERTY = "softmaxlab.sampleData";

    private SampleData() { }

    public static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sample-data");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return Path.of("sample-data");
    }

    /** Every JSON file below sample-data, sorted by path. */
    public static List<Path> jsonFiles() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The scenario files (sample-data/scenarios/<lab>/*.json). */
    public static List<Path> scenarioFiles() {
        return jsonFiles().stream().filter(p -> p.toString().contains("scenarios")).toList();
    }
}
