package lab.softmax.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency arrows go one way: app → views → engine. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("lab.softmax");
    }

    @Test
    void engineUsesNoUserInterfaceTypes() {
        noClasses().that().resideInAPackage("lab.softmax.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..",
                        "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void engineKnowsNeitherViewsNorApp() {
        noClasses().that().resideInAPackage("lab.softmax.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("lab.softmax.views..", "lab.softmax.app..")
                .check(classes);
    }

    @Test
    void viewsDoNotKnowTheApp() {
        noClasses().that().resideInAPackage("lab.softmax.views..")
                .should().dependOnClassesThat().resideInAPackage("lab.softmax.app..")
                .check(classes);
    }

    /**
     * A lab builds only on shared packages (nn, numeric, io, task, views.common), never on another lab,
     * except on the engines it names in {@link Lab#builtOn()}.
     */
    @Test
    void noLabDependsOnAnotherLab() {
        for (Lab lab : Labs.REGISTERED) {
            String[] others = Labs.REGISTERED.stream().map(Lab::id).filter(id -> !id.equals(lab.id()))
                    .flatMap(id -> Stream.of("lab.softmax.views." + id + "..", "lab.softmax.app.cli." + id + "..",
                            lab.builtOn().contains(id) ? null : "lab.softmax.engine." + id + ".."))
                    .filter(java.util.Objects::nonNull)
                    .toArray(String[]::new);
            noClasses().that().resideInAnyPackage("lab.softmax.engine." + lab.id() + "..",
                            "lab.softmax.views." + lab.id() + "..", "lab.softmax.app.cli." + lab.id() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(classes);
        }
    }

    /** Shared building blocks know no lab. */
    @Test
    void sharedPackagesKnowNoLab() {
        String[] labs = Labs.REGISTERED.stream()
                .flatMap(lab -> Stream.of("lab.softmax.engine." + lab.id() + "..", "lab.softmax.views." + lab.id() + ".."))
                .toArray(String[]::new);
        noClasses().that().resideInAnyPackage("lab.softmax.engine.nn..", "lab.softmax.engine.numeric..",
                        "lab.softmax.engine.io..", "lab.softmax.engine.task..", "lab.softmax.views.common..")
                .should().dependOnClassesThat().resideInAnyPackage(labs)
                .check(classes);
    }

    /** Only `snapshot` and the lesson commands (which render each step and look its controls up) build views. */
    @Test
    void theCommandLineUsesTheEngineNotTheViewsExceptForSnapshots() {
        noClasses().that().resideInAPackage("lab.softmax.app.cli..")
                .and().haveNameNotMatching(".*\\.SnapshotCommand(\\$.*)?")
                .and().resideOutsideOfPackage("lab.softmax.app.cli.lesson..")
                .should().dependOnClassesThat().resideInAPackage("lab.softmax.views..")
                .check(classes);
    }
}
