package org.ncw.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of the project, checked on the compiled classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ncw");
    }

    @Test
    void engineUsesNoUiToolkitAndNoOuterLayer() {
        noClasses().that().resideInAPackage("org.ncw.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "javax.swing..", "javax.imageio..",
                        "org.ncw.ui..", "org.ncw.cli..", "org.ncw.render..")
                .because("the engine runs headless and under every front end")
                .check(classes);
    }

    @Test
    void enginePackagesAreFreeOfCycles() {
        slices().matching("org.ncw.engine.(*)..")
                .should().beFreeOfCycles()
                .because("each engine package must be usable and testable without the ones above it")
                .check(classes);
    }

    @Test
    void cliAndRendererDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("org.ncw.cli..", "org.ncw.render..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.ncw.ui..")
                .because("the command line works without a display or JavaFX")
                .check(classes);
    }

    @Test
    void onlyAdaptersTouchThirdPartyNumerics() {
        noClasses().that(notInsideAnAdapter())
                .should().dependOnClassesThat().resideInAnyPackage("smile..", "org.jtransforms..", "uk.me.berndporr..")
                .because("a library upgrade must touch one adapter class, not the whole engine")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> notInsideAnAdapter() {
        return DescribedPredicate.describe("are not (nested in) an *Adapter class", c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return !top.getSimpleName().endsWith("Adapter");
        });
    }
}
