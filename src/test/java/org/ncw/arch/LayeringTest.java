package org.ncw.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering rules of the project, checked on the compiled classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProjectClasses.main();
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

    /**
     * The engine's layers, lowest first; a package may use its own layer and the ones below, never one above:
     * foundation (core, io, jobs) <- signals (audio, dsp) <- data and measures (dataset, metrics) <- algorithms
     * (cluster, mask, production, denoise, ica, stream) <- pipeline, live (the live loop) <- workbench (methods, experiment, session)
     * <- evaluation (benchmarks over the methods).
     */
    @Test
    void engineLayersDependOnlyDownwards() {
        String[][] layers = {
                {"org.ncw.engine.core..", "org.ncw.engine.io..", "org.ncw.engine.jobs.."},
                {"org.ncw.engine.audio..", "org.ncw.engine.dsp.."},
                {"org.ncw.engine.dataset..", "org.ncw.engine.metrics.."},
                {"org.ncw.engine.cluster..", "org.ncw.engine.mask..", "org.ncw.engine.production..",
                        "org.ncw.engine.denoise..", "org.ncw.engine.ica..", "org.ncw.engine.stream.."},
                {"org.ncw.engine.pipeline..", "org.ncw.engine.live.."},
                {"org.ncw.engine.workbench.."},
                {"org.ncw.engine.evaluation.."}};
        for (int i = 0; i < layers.length - 1; i++) {
            java.util.List<String> above = new java.util.ArrayList<>();
            for (int j = i + 1; j < layers.length; j++) {
                above.addAll(java.util.List.of(layers[j]));
            }
            noClasses().that().resideInAnyPackage(layers[i])
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .because("a lower engine layer never knows the layers built on it")
                    .check(classes);
        }
    }

    /**
     * Commons Math is not behind an adapter: it is plain Java dense linear algebra (eigen and singular value
     * decompositions of small matrices in FastIca, LabelAssigner, SymmetricEigen, Spectral1D) with a stable API
     * and no native code. The rule keeps it to that: only its linear algebra, so statistics and randomness stay
     * in the project's own seeded code.
     */
    @Test
    void commonsMathOnlyForLinearAlgebra() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.apache.commons.math3..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                                "org.apache.commons.math3.linear..", "org.apache.commons.math3.exception.."))))
                .because("statistics and random numbers come from the project's own seeded code")
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
