package lab.softmax.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.softmax.app.Labs;
import lab.softmax.app.ScenarioTypes;
import lab.softmax.engine.distributions.DistributionsState;
import lab.softmax.engine.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson files are read as strictly as scenarios: a broken one is refused naming the file, the step and the field. */
class LessonIOTest {
    private final LessonIO io = new LessonIO(Labs.REGISTERED, ScenarioTypes.io());

    /** A valid two-step lesson whose second step is replaced by {@code secondStep}. */
    private static String lesson(String secondStep) {
        return """
                {"format":"softmax-lab-lesson","version":1,"title":"T","steps":[
                 {"lab":"distributions","title":"one","text":"hi","unlocked":["temperature"],
                  "scenario":{"lab":"distributions","version":1,"state":{"logits":[1,2],"temperature":1.0,"precision":"fp32",
                    "normalizers":["softmax"],"subtractMax":true,"topK":1,"logScale":false}}},
                 %s]}""".formatted(secondStep);
    }

    private static final String INLINE = "{\"lab\":\"distributions\",\"version\":1,\"state\":{\"logits\":[1,2],\"temperature\":%s,"
            + "\"precision\":\"fp32\",\"normalizers\":[\"softmax\"],\"subtractMax\":true,\"topK\":1,\"logScale\":false}}";

    private InputException refused(Path dir, String secondStep) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, lesson(secondStep));
        return assertThrows(InputException.class, () -> io.read(file));
    }

    @Test
    void everyShippedLessonReadsAndCoversEveryLab() {
        List<Path> files = ShippedLessons.files();
        assertTrue(files.size() >= 4, "shipped lessons: " + files);
        var labs = new java.util.HashSet<String>();
        for (Path f : files) labs.addAll(io.read(f).labs());
        for (var lab : Labs.REGISTERED) assertTrue(labs.contains(lab.id()), "a lesson visits " + lab.id());
    }

    @Test
    void aValidLessonReadsWithItsInlineScenarioAndLinesJoined(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, lesson("{\"lab\":\"distributions\",\"title\":\"two\",\"text\":[\"a\",\"b\"],\"unlocked\":[],"
                + "\"question\":\"q?\",\"answer\":\"a.\",\"scenario\":" + INLINE.formatted("0.5") + "}"));
        Lesson l = io.read(file);
        assertEquals(2, l.steps().size());
        assertEquals("a\nb", l.steps().get(1).text());
        assertEquals(0.5, ((DistributionsState) l.steps().get(1).scenario().state()).temperature());
        assertTrue(l.steps().get(1).hasQuestion());
    }

    @Test
    void aBadStateFieldInAnInlineScenarioNamesStepAndField(@TempDir Path dir) throws Exception {
        InputException e = refused(dir, "{\"lab\":\"distributions\",\"title\":\"two\",\"text\":\"x\",\"unlocked\":[],\"scenario\":"
                + INLINE.formatted("-3") + "}");
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.json") + ": step 2: scenario.state.temperature: "), e.getMessage());
    }

    @Test
    void anUnknownStepFieldIsRefused(@TempDir Path dir) throws Exception {
        InputException e = refused(dir, "{\"lab\":\"distributions\",\"title\":\"two\",\"text\":\"x\",\"unlocked\":[],\"unlokced\":[],"
                + "\"scenario\":" + INLINE.formatted("1") + "}");
        assertEquals("step 2: unlokced", e.field());
    }

    @Test
    void aQuestionWithoutItsAnswerIsRefused(@TempDir Path dir) throws Exception {
        InputException e = refused(dir, "{\"lab\":\"distributions\",\"title\":\"two\",\"text\":\"x\",\"unlocked\":[],\"question\":\"q\","
                + "\"scenario\":" + INLINE.formatted("1") + "}");
        assertEquals("step 2: answer", e.field());
    }

    @Test
    void aScenarioOfAnotherLabIsRefused(@TempDir Path dir) throws Exception {
        InputException e = refused(dir, "{\"lab\":\"kernels\",\"title\":\"two\",\"text\":\"x\",\"unlocked\":[],"
                + "\"scenario\":" + INLINE.formatted("1") + "}");
        assertEquals("step 2: scenario", e.field());
        assertTrue(e.problem().contains("'distributions' scenario"), e.problem());
    }

    @Test
    void aMissingScenarioFileAndAnUnknownLabAreNamed(@TempDir Path dir) throws Exception {
        InputException missing = refused(dir, "{\"lab\":\"distributions\",\"title\":\"two\",\"text\":\"x\",\"unlocked\":[],"
                + "\"scenario\":\"nowhere.json\"}");
        assertEquals("step 2: scenario nowhere.json", missing.field());
        InputException lab = refused(dir, "{\"lab\":\"attention-x\",\"title\":\"two\",\"text\":\"x\",\"unlocked\":[],"
                + "\"scenario\":\"nowhere.json\"}");
        assertEquals("step 2: lab", lab.field());
    }

    @Test
    void theFormatAndVersionAreChecked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v2.json");
        Files.writeString(file, lesson("{}").replace("\"version\":1", "\"version\":2"));
        assertEquals("version", assertThrows(InputException.class, () -> io.read(file)).field());
        Files.writeString(file, "{\"lab\":\"distributions\",\"version\":1,\"state\":{}}");
        assertEquals("lab", assertThrows(InputException.class, () -> io.read(file)).field(), "a scenario is not a lesson");
    }

    @Test
    void writingAndReadingBackKeepsEveryStepAndRebasesScenarioPaths(@TempDir Path dir) throws Exception {
        Path shipped = ShippedLessons.files().getFirst();
        Lesson original = io.read(shipped);
        Path copy = dir.resolve("sub/copy.json");
        Files.createDirectories(copy.getParent());
        io.write(copy, original);
        Lesson back = io.read(copy);
        assertEquals(original.title(), back.title());
        assertEquals(original.steps().size(), back.steps().size());
        for (int i = 0; i < original.steps().size(); i++) {
            LessonStep a = original.steps().get(i);
            LessonStep b = back.steps().get(i);
            assertEquals(List.of(a.lab(), a.title(), a.text(), a.unlocked(), a.question(), a.answer()),
                    List.of(b.lab(), b.title(), b.text(), b.unlocked(), b.question(), b.answer()));
            assertEquals(ScenarioTypes.io().toJson(a.scenario()), ScenarioTypes.io().toJson(b.scenario()));
        }
        assertTrue(Files.list(copy.getParent()).allMatch(p -> p.equals(copy)), "no temporary file left behind");
    }
}
