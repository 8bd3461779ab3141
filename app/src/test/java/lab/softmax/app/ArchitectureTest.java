package lab.softmax.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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

    @Test
    void theCommandLineUsesTheEngineNotTheViewsExceptForSnapshots() {
        noClasses().that().resideInAPackage("lab.softmax.app.cli..")
                .and().haveNameNotMatching(".*\\.SnapshotCommand(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("lab.softmax.views..")
                .check(classes);
    }
}
