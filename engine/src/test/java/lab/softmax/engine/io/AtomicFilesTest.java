package lab.softmax.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails half-way leaves the previous file byte for byte and no temporary file. */
class AtomicFilesTest {
    @TempDir Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failingWriterKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("scenario.json");
        AtomicFiles.writeString(target, "{\"old\": true}\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("{\"old\": true}\n", Files.readString(target));
        assertEquals(List.of("scenario.json"), names(), "no temporary file left behind");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("bug in a serializer");
        }));
        assertEquals("{\"old\": true}\n", Files.readString(target));
        assertEquals(List.of("scenario.json"), names());
    }

    @Test
    void successfulWriteReplacesAndCreatesFolders() throws IOException {
        Path target = dir.resolve("scenario.json");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));
        assertEquals(List.of("scenario.json"), names());
        Path nested = dir.resolve("a/b/c.json");
        AtomicFiles.writeString(nested, "x");
        assertEquals("x", Files.readString(nested));
    }

    @Test
    void failingWriteOfANewFileLeavesNothing() throws IOException {
        Path target = dir.resolve("fresh.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> { throw new IOException("no"); }));
        assertEquals(List.of(), names());
    }

    @Test
    void aSavedFileKeepsTheModeOfTheFileItReplacesOrGetsTheUsualOne() throws IOException {
        java.nio.file.Path existing = dir.resolve("shared.json");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(existing, "new");
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
        java.nio.file.Path fresh = dir.resolve("fresh.json");
        AtomicFiles.writeString(fresh, "x");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }
}
