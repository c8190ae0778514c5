package org.ncw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.production.HighPass;
import org.ncw.engine.production.LowPass;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.SpectralGate;

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
        assertEquals(org.ncw.engine.workbench.WorkbenchOptions.defaults(), p.toOptions(),
                "the workbench defaults are the experiment defaults");
        for (String a : ParamCatalog.get("assignLabels").choices()) {
            for (String s : ParamCatalog.get("eigenSolver").choices()) {
                for (String sc : ParamCatalog.get("scaling").choices()) {
                    EngineBridge.experimentOptions(p.with("assignLabels", a).with("eigenSolver", s).with("scaling", sc));
                }
            }
        }
    }

    @Test
    void productionFieldsChangeThePresetStageByStageAndRoundTrip() {
        ParameterSet p = ParamCatalog.defaults().with("productionHighPass", 120.0).with("productionLowPass", 6000.0)
                .with("productionGate", "nonstationary").with("productionThresholdDb", 6.0)
                .with("productionAmount", 0.5);
        ProductionChain chain = EngineBridge.productionChain(p);
        assertEquals(120.0, chain.stages().stream().filter(HighPass.class::isInstance).map(HighPass.class::cast)
                .findFirst().orElseThrow().hz());
        assertEquals(6000.0, chain.stages().stream().filter(LowPass.class::isInstance).map(LowPass.class::cast)
                .findFirst().orElseThrow().hz());
        SpectralGate gate = chain.stages().stream().filter(SpectralGate.class::isInstance)
                .map(SpectralGate.class::cast).findFirst().orElseThrow();
        assertEquals(SpectralGate.Mode.NONSTATIONARY, gate.mode());
        assertEquals(6.0, gate.thresholdDb());
        assertEquals(0.5, gate.amount());
        ParameterSet back = ParameterSet.fromJson(p.toJson());
        assertEquals(p, back);
        assertEquals(chain, EngineBridge.productionChain(back));
        // all fields at "preset": exactly the shipped preset
        assertEquals(ProductionChain.preset("default"), EngineBridge.productionChain(ParamCatalog.defaults()));
        assertEquals(ParamSpec.PRESET, ParamCatalog.get("productionAmount").parse(" "));
    }

    @Test
    void impossibleProductionCombinationsAreNamed() {
        ParameterSet noGate = ParamCatalog.defaults().with("productionPreset", "voice-bandpass")
                .with("productionAmount", 0.5);
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ParamCatalog.checkCombination(noGate));
        assertTrue(e.getMessage().startsWith("productionAmount:"), e.getMessage());
        InvalidParameterException t = assertThrows(InvalidParameterException.class, () -> ParamCatalog
                .checkCombination(ParamCatalog.defaults().with("productionGate", "off")
                        .with("productionThresholdStd", 2.0)));
        assertTrue(t.getMessage().startsWith("productionThresholdStd:"), t.getMessage());
        assertThrows(InvalidParameterException.class, () -> ParameterSet.fromJson(noGate.toJson()),
                "a file with an impossible chain does not load");
        ParamCatalog.checkCombination(noGate.with("production", false));
    }

    @Test
    void denoiserFieldsMapToTheBlindDenoiserOptions() {
        assertEquals(BlindDenoiserOptions.defaults(), EngineBridge.denoiserOptions(ParamCatalog.defaults()));
        BlindDenoiserOptions o = EngineBridge.denoiserOptions(ParamCatalog.defaults()
                .with("denoiserGainFloorDb", -12.0).with("denoiserTrackingIterations", 1)
                .with("denoiserTransientThreshold", 0.0));
        assertEquals(-12.0, o.gainFloorDb());
        assertEquals(1, o.trackingIterations());
        assertEquals(0.0, o.transientThreshold(), "0 switches the transient suppressor off");
        assertTrue(assertThrows(InvalidParameterException.class, () -> EngineBridge.denoiserOptions(
                ParamCatalog.defaults().with("denoiserTransientThreshold", 0.5))).getMessage()
                .contains("transientThreshold"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ParamCatalog.get("denoiserGainFloorDb")
                .parse("5")).getMessage().startsWith("denoiserGainFloorDb must be in"));
    }
}
