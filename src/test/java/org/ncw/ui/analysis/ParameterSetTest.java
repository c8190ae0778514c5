package org.ncw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;

class ParameterSetTest {
    @Test
    void jsonRoundTripReproducesEveryValue() {
        ParameterSet p = ParamCatalog.defaults().with("strategy", "complete").with("gamma", 0.25)
                .with("reduction", 0.5).with("production", false).with("icaMaxIter", 77);
        ParameterSet back = ParameterSet.fromJson(p.toJson());
        assertEquals(p, back);
        assertEquals(0.25, back.real("gamma"));
        assertEquals(77, back.integer("icaMaxIter"));
    }

    @Test
    void missingKeysTakeDefaultsAndBadValuesAreNamed() {
        ParameterSet p = ParameterSet.fromJson("{\"parameters\": {\"neighbors\": 5}}");
        assertEquals(5, p.integer("neighbors"));
        assertEquals(ParamCatalog.defaults().text("strategy"), p.text("strategy"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ParameterSet.fromJson("{\"parameters\": {\"reduction\": 3}}"));
        assertTrue(e.getMessage().contains("reduction") && e.getMessage().contains("3"), e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
                () -> ParameterSet.fromJson("{\"parameters\": {\"bogus\": 1}}"));
        assertTrue(u.getMessage().contains("bogus"));
    }

    @Test
    void parseRejectsTextNamingTheParameter() {
        ParamSpec gamma = ParamCatalog.get("gamma");
        assertTrue(assertThrows(InvalidParameterException.class, () -> gamma.parse("abc")).getMessage()
                .startsWith("gamma must be a number"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> gamma.parse("-1")).getMessage()
                .startsWith("gamma must be in"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ParamCatalog.get("strategy").parse("x"))
                .getMessage().contains("[column, complete]"));
        assertEquals(2.5, gamma.parse(" 2.5 "));
    }

    @Test
    void projectionKeepsOnlyTheStagesValues() {
        Map<String, Object> mask = ParamCatalog.defaults().project(Stage.MASK);
        assertEquals(java.util.Set.of("maskMode", "reduction"), mask.keySet());
    }

    @Test
    void everyDefaultMapsToValidEngineOptions() {
        ParameterSet p = ParamCatalog.defaults();
        assertEquals(org.ncw.engine.pipeline.ExperimentOptions.defaults(), EngineBridge.experimentOptions(p),
                "the workbench defaults are the study's experiment");
        EngineBridge.clusterResolution(p);
        for (String a : ParamCatalog.get("assignLabels").choices()) {
            for (String s : ParamCatalog.get("eigenSolver").choices()) {
                for (String sc : ParamCatalog.get("scaling").choices()) {
                    EngineBridge.experimentOptions(p.with("assignLabels", a).with("eigenSolver", s).with("scaling", sc));
                }
            }
        }
    }
}
