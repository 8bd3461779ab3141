package lab.softmax.app.cli.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.softmax.app.cli.CliRun;
import lab.softmax.app.lesson.ShippedLessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `lesson list/check/export` per the CLI contract. */
class LessonCommandTest {
    @Test
    void listNamesEveryShippedLessonWithAFileThatCheckAccepts() {
        CliRun r = CliRun.of("lesson", "list", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode lessons = r.json().get("lessons");
        assertEquals(ShippedLessons.files().size(), lessons.size());
        for (JsonNode l : lessons) {
            assertTrue(l.get("steps").asInt() > 0 && l.get("labs").size() > 0 && !l.get("title").asString().isBlank(), l.toString());
            CliRun check = CliRun.of("lesson", "check", l.get("file").asString());
            assertEquals(0, check.exit(), check.err());
        }
    }

    @Test
    void checkRefusesAnUnknownControlNamingTheStep(@TempDir Path dir) throws Exception {
        Path shipped = ShippedLessons.directory().resolve("02-distributions-fp16-and-temperature.json");
        // in a temporary folder, not beside the shipped lessons: a killed test run must not leave a file in sample-data
        // (its scenarios, named relative to the shipped folder, are named by absolute path here)
        Path bad = dir.resolve("broken.json");
        String scenarios = ShippedLessons.directory().resolve("../scenarios").normalize().toAbsolutePath().toString().replace('\\', '/');
        Files.writeString(bad, Files.readString(shipped)
                .replace("\"unlocked\": [\"subtract-max\"]", "\"unlocked\": [\"subtract-maximum\"]")
                .replace("\"../scenarios", "\"" + scenarios));
        CliRun r = CliRun.of("lesson", "check", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: " + bad + ": step 2: unlocked[0]: no control 'subtract-maximum'"), r.err());
    }

    @Test
    void exportWritesOnePngPerStepAndAHandout(@TempDir Path dir) throws Exception {
        Path lesson = ShippedLessons.directory().resolve("02-distributions-fp16-and-temperature.json");
        CliRun r = CliRun.of("lesson", "export", lesson.toString(), "--out", dir.toString(), "--width", "800", "--height", "500");
        assertEquals(0, r.exit(), r.err());
        for (int i = 1; i <= 4; i++) {
            Path png = dir.resolve("step-0" + i + ".png");
            assertTrue(Files.size(png) > 10_000, png + " holds a picture");
        }
        String handout = Files.readString(dir.resolve("handout.md"));
        assertTrue(handout.startsWith("# Temperature"), handout);
        assertTrue(handout.contains("![Step 4 in the distributions lab](step-04.png)"), handout);
        assertTrue(handout.indexOf("## Answers") > handout.indexOf("## Step 4"), "answers come after every step");
    }
}
