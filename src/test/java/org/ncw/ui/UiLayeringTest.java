package org.ncw.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

/** The GUI's own layering: view models hold state only, and only the bridge talks to the engine's algorithms. */
class UiLayeringTest {
    private static JavaClasses ui;
    /** Plain data the views draw (not algorithms): time-frequency grids and a recording's overview. */
    private static final Set<String> TIME_FREQUENCY_DATA = Set.of("TfMatrix", "TfAxes", "SpectrogramMatrix",
            "RecordingOverview");

    @BeforeAll
    static void importClasses() {
        ui = org.ncw.arch.ProjectClasses.main();
    }

    private static DescribedPredicate<JavaClass> simpleNameIn(Set<String> names) {
        return DescribedPredicate.describe("have a simple name in " + names, c -> names.contains(c.getSimpleName()));
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().resideInAPackage("org.ncw.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("a ViewModel is properties only; Views own the Nodes")
                .check(ui);
    }

    @Test
    void onlyTheBridgeCallsEngineAlgorithms() {
        noClasses().that().resideInAPackage("org.ncw.ui..").and().doNotHaveSimpleName("EngineBridge")
                .and().doNotHaveSimpleName("AnalysisSession").and().doNotHaveSimpleName("ParamCatalog")
                .should().dependOnClassesThat(resideInAnyPackage("org.ncw.engine.cluster..", "org.ncw.engine.dsp..",
                        "org.ncw.engine.mask..", "org.ncw.engine.ica..", "org.ncw.engine.production..",
                        "org.ncw.engine.audio..", "org.ncw.engine.denoise..")
                        .and(not(simpleNameIn(TIME_FREQUENCY_DATA))))
                .because("engine API changes should touch one class of the GUI")
                .check(ui);
    }
}
