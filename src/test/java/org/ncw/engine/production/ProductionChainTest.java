package org.ncw.engine.production;

import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.core.Signal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chain JSON round trips, presets, CLI-style overrides, and output + residue = input. */
class ProductionChainTest {

    static ProductionChain everyStageKind() {
        return new ProductionChain("all kinds", List.of(
                new HighPass(70, 2, false),
                new LowPass(7000, 6, true),
                new BandPass(250, 3500, 3, true),
                new ParametricEq(List.of(new EqBand(EqBand.Type.PEAKING, 1000, -4, 1.5),
                        new EqBand(EqBand.Type.LOW_SHELF, 150, 3, 0.707),
                        new EqBand(EqBand.Type.HIGH_SHELF, 5000, -2, 0.707)), false),
                new SpectralMedianFloor(SpectralMedianFloor.Mode.GATE, 4, 0.8, 30, 200, 512, 128),
                new SpectralCentroidFloor(3, 25, 0.7, 40, 300, 2048, 512),
                new SpectralGate(SpectralGate.Mode.STATIONARY, new TimeSpan(0, 0.5), 0.2, 1.2, 2, 0.9, 60, 400, 2,
                        1024, 256),
                SpectralGate.nonStationary()));
    }

    @Test
    void everyStageKindRoundTripsThroughJsonWithItsTypeName() {
        ProductionChain chain = everyStageKind();
        String json = chain.toJson();
        for (String name : List.of("\"highpass\"", "\"lowpass\"", "\"bandpass\"", "\"eq\"", "\"lowshelf\"",
                "\"median-floor\"", "\"centroid-floor\"", "\"gate\"")) {
            assertTrue(json.contains("\"type\" : " + name), name + " in " + json);
        }
        assertTrue(json.contains("\"mode\" : \"nonstationary\""), json);
        assertTrue(json.contains("\"noiseSpan\" : {"), json);
        assertEquals(chain, ProductionChain.fromJson(json));
    }

    @Test
    void missingOptionalFieldsTakeTheirDefaults() {
        ProductionChain chain = ProductionChain.fromJson("""
                {"stages": [{"type": "highpass", "hz": 120},
                            {"type": "eq", "bands": [{"hz": 900, "gainDb": 2}]}]}""");
        assertEquals(new HighPass(120, 4, true), chain.stages().get(0));
        assertEquals(new ParametricEq(List.of(new EqBand(EqBand.Type.PEAKING, 900, 2, 1)), true), chain.stages().get(1));
        ProductionChain gates = ProductionChain.fromJson("""
                {"stages": [{"type": "gate"}, {"type": "gate", "mode": "nonstationary", "amount": 0.5},
                            {"type": "median-floor"}, {"type": "centroid-floor"}]}""");
        assertEquals(List.of(SpectralGate.stationary(), SpectralGate.nonStationary().withAmount(0.5),
                SpectralMedianFloor.defaults(), SpectralCentroidFloor.defaults()), gates.stages());
    }

    @Test
    void badJsonNamesTheProblem() {
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> ProductionChain.fromJson("{\"stages\": [{\"type\": \"highpass\"}]}"))
                .getMessage().contains("highpass hz must be given"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> ProductionChain.fromJson("{\"stages\": [{\"type\": \"reverb\"}]}"))
                .getMessage().contains("reverb"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> ProductionChain.fromJson("{\"stages\": [{\"type\": \"lowpass\", \"hz\": -1}]}"))
                .getMessage().contains("lowpass hz must be a finite number > 0"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> ProductionChain.fromJson("{\"stages\": [{\"type\": \"eq\", \"bands\": [{\"type\": \"notch\", \"hz\": 50, \"gainDb\": 1}]}]}"))
                .getMessage().contains("peaking, lowshelf or highshelf"));
        String typo = assertThrows(InvalidParameterException.class,
                () -> ProductionChain.fromJson("{\"stages\": [{\"type\": \"gate\", \"amout\": 0.5}]}")).getMessage();
        assertTrue(typo.contains("unknown field 'amout' in a 'gate' stage") && typo.contains("amount"), typo);
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> ProductionChain.fromJson("{\"stages\": [{\"type\": \"gate\", \"amount\": 2}]}"))
                .getMessage().contains("gate amount must be in [0.0, 1.0], got 2.0"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ProductionChain.fromJson("{\"stages\": ["))
                .getMessage().startsWith("cannot read chain"));
    }

    @Test
    void everyPresetLoadsAndTheDefaultPresetIsTheDefaultChain() {
        for (String name : ProductionChain.PRESETS) {
            ProductionChain chain = ProductionChain.preset(name);
            assertTrue(!chain.stages().isEmpty() && !chain.description().isBlank(), name);
        }
        assertEquals(ProductionChain.defaults(), ProductionChain.preset("default"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ProductionChain.preset("studio"))
                .getMessage().contains("known: default"));
    }

    @Test
    void overridesReplaceExistingStagesOrInsertNewOnes() {
        ProductionChain chain = ProductionChain.of(new HighPass(80, 2, false));
        assertEquals(List.of(new HighPass(150, 2, false)), chain.withHighPass(150).stages());
        ProductionChain withLow = chain.withLowPass(5000);
        assertEquals(List.of(new HighPass(80, 2, false), LowPass.at(5000)), withLow.stages());
        assertEquals(List.of(HighPass.at(60), LowPass.at(5000)), withLow.without(HighPass.class).withHighPass(60).stages());

        ProductionChain gated = withLow.withGate(SpectralGate.Mode.NONSTATIONARY);
        assertEquals(SpectralGate.nonStationary(), gated.stages().get(2));
        ProductionChain stationary = gated.withAmount(0.6).withGate(SpectralGate.Mode.STATIONARY);
        assertEquals(SpectralGate.stationary().withAmount(0.6), stationary.stages().get(2), "amount survives a mode switch");
        assertEquals(SpectralGate.stationary().withAmount(0.6).withNoiseSpan(new TimeSpan(0, 0.9)).withThreshold(2, 0),
                stationary.withNoiseSpan(TimeSpan.parse("0:0.9")).withGateThreshold(2, 0).stages().get(2));
        assertTrue(assertThrows(InvalidParameterException.class, () -> gated.withNoiseSpan(new TimeSpan(0, 1)))
                .getMessage().contains("nonstationary"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> withLow.withAmount(0.5))
                .getMessage().contains("needs a spectral stage"));
        assertEquals(withLow, gated.without(SpectralGate.class));
    }

    @Test
    void outputPlusResidueIsTheInput() {
        Random random = new Random(7);
        double[] x = new double[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 * random.nextGaussian() + 0.4 * Math.sin(2 * Math.PI * 440 * i / 16000.0);
        }
        double[] original = x.clone();
        Signal in = new Signal(x, 16000);
        ProductionResult result = ProductionDenoiser.fit(in, everyStageKind());
        assertEquals(in.length(), result.output().length());
        assertEquals(in.length(), result.residue().length());
        double removed = 0;
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], result.output().samples()[i] + result.residue().samples()[i], 1e-12);
            removed += result.residue().samples()[i] * result.residue().samples()[i];
        }
        assertTrue(removed > 1, "the chain removed something");
        assertEquals(8, result.stages().size());
        assertTrue(result.stages().get(0).description().startsWith("high-pass 70 Hz"));
        assertArrayEquals(original, x, "the input is left untouched");
    }

    @Test
    void progressRisesToOneAndCancellationStopsTheChain() {
        Signal in = SpectralStagesTest.noiseWithToneBurst(9);
        List<Double> fractions = new java.util.ArrayList<>();
        ProductionDenoiser.fit(in, ProductionChain.defaults(),
                TaskMonitor.of((fraction, stage) -> fractions.add(fraction), CancellationToken.none()));
        assertTrue(fractions.size() > 3, "progress reported per stage and inside the gate");
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1) - 1e-12, "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-12);

        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class,
                () -> ProductionDenoiser.fit(in, ProductionChain.defaults(), TaskMonitor.of(ProgressListener.NONE, token)));
    }
}
