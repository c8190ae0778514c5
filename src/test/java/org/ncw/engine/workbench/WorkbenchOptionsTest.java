package org.ncw.engine.workbench;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionSettings;
import org.ncw.engine.production.SpectralGate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbenchOptionsTest {
    @Test
    void roundTripsThroughItsFileWithEveryBlock() {
        WorkbenchOptions w = WorkbenchOptions.defaults()
                .withProduction(ProductionSettings.preset("median-floor").withHighPass(120.0).withAmount(0.5))
                .withDenoiser(WorkbenchOptions.defaults().denoiser().withGainFloorDb(-25))
                .withIca(IcaSettings.defaults().withInputs("speech+residue").withEnabled(false))
                .withMethods(List.of("blind-denoiser", "production:voice-bandpass"));
        String json = w.toJson();
        assertTrue(json.startsWith("{\n  \"format\" : \"ncw-experiment\",\n  \"version\" : 2,"), json);
        assertEquals(w, WorkbenchOptions.fromJson(json));
    }

    @Test
    void missingBlocksTakeTheirDefaultsAndBadOnesAreNamed() {
        assertEquals(WorkbenchOptions.defaults(),
                WorkbenchOptions.fromJson("{\"format\":\"ncw-experiment\",\"version\":2}"));
        InvalidParameterException method = assertThrows(InvalidParameterException.class, () -> WorkbenchOptions
                .fromJson("{\"format\":\"ncw-experiment\",\"version\":2,\"methods\":[\"blind\",\"magic\"]}"));
        assertTrue(method.getMessage().contains("methods[1]: unknown method 'magic'"), method.getMessage());
        InvalidParameterException preset = assertThrows(InvalidParameterException.class, () -> WorkbenchOptions
                .fromJson("{\"format\":\"ncw-experiment\",\"version\":2,\"production\":{\"preset\":\"studio\"}}"));
        assertTrue(preset.getMessage().contains("production.preset"), preset.getMessage());
        InvalidParameterException format = assertThrows(InvalidParameterException.class,
                () -> WorkbenchOptions.fromJson("{\"format\":\"other\",\"version\":2}"));
        assertTrue(format.getMessage().contains("format must be 'ncw-experiment'"), format.getMessage());
    }

    @Test
    void aStreamingBlockFromBeforeTheLookAheadGetsTheDefaultAndAnExplicitOneIsKept() {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.ncw.engine.core.Json.mapper().valueToTree(WorkbenchOptions.defaults().withStreaming(
                        WorkbenchOptions.defaults().streaming().withGainFloorDb(-20)));
        root.put("format", "ncw-experiment").put("version", 2);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("streaming")).remove("lookaheadHops");
        WorkbenchOptions old = WorkbenchOptions.fromJson(root.toString());
        assertEquals(1, old.streaming().lookaheadHops());
        assertEquals(-20, old.streaming().gainFloorDb());
        WorkbenchOptions none = WorkbenchOptions.defaults().withStreaming(
                WorkbenchOptions.defaults().streaming().withLookaheadHops(0));
        assertEquals(none, WorkbenchOptions.fromJson(none.toJson()));
        assertEquals(false, WorkbenchParameters.of(none).get("streamingLookahead"));
        assertEquals(none, WorkbenchParameters.apply(java.util.Map.of("streamingLookahead", false),
                WorkbenchOptions.defaults()));
    }

    @Test
    void theProductionRuleAppliesOverridesInOrderAndNamesImpossibleOnes() {
        ProductionChain chain = ProductionSettings.preset("voice-bandpass").withGate("nonstationary")
                .withThreshold(null, 6.0).withAmount(0.5).chain();
        SpectralGate gate = chain.stages().stream().filter(SpectralGate.class::isInstance)
                .map(SpectralGate.class::cast).findFirst().orElseThrow();
        assertEquals(SpectralGate.Mode.NONSTATIONARY, gate.mode());
        assertEquals(6.0, gate.thresholdDb());
        assertEquals(SpectralGate.defaults(SpectralGate.Mode.NONSTATIONARY).thresholdStd(), gate.thresholdStd(),
                "an override left out keeps the gate's own value");
        assertEquals(0.5, gate.amount());
        InvalidParameterException none = assertThrows(InvalidParameterException.class,
                () -> ProductionSettings.preset("voice-bandpass").withAmount(0.5).chain());
        assertTrue(none.getMessage().startsWith("production.amount:"), none.getMessage());
        assertEquals(ProductionChain.preset("default"), ProductionSettings.defaults().chain());
    }

    @Test
    void workbenchParametersMapBothWays() {
        WorkbenchOptions w = WorkbenchOptions.defaults();
        assertEquals(w, WorkbenchParameters.apply(WorkbenchParameters.of(w), w));
        WorkbenchOptions changed = WorkbenchParameters.apply(java.util.Map.of("denoiser", false, "gamma", 0.5,
                "resolution", "regular"), w);
        assertEquals(List.of("production"), changed.methods());
        assertEquals(0.5, changed.clusterer().spectral().gamma());
        assertEquals(changed.synthesis(), changed.analysis());
        WorkbenchOptions features = WorkbenchParameters.apply(java.util.Map.of("intensity", "db", "gammaMode", "auto"),
                w);
        assertEquals(org.ncw.engine.dsp.Intensity.DB, features.strategy().intensity());
        assertEquals(org.ncw.engine.cluster.strategy.ClusterSettings.GammaMode.AUTO, features.clusterer().gammaMode());
        assertEquals("db", WorkbenchParameters.of(features).get("intensity"));
        assertEquals(features, WorkbenchOptions.fromJson(features.toJson()), "the GUI's choice survives the file");
        InvalidParameterException badIntensity = assertThrows(InvalidParameterException.class,
                () -> WorkbenchParameters.apply(java.util.Map.of("intensity", "loudness"), w));
        assertTrue(badIntensity.getMessage().contains("intensity"), badIntensity.getMessage());
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> WorkbenchParameters.apply(java.util.Map.of("colour", "red"), w));
        assertTrue(unknown.getMessage().contains("unknown parameter 'colour'"), unknown.getMessage());
    }
}
