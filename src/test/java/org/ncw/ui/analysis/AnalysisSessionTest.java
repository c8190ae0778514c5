package org.ncw.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

/** Stage caching: a change re-runs the stage it belongs to and its consumers, nothing before it. */
class AnalysisSessionTest {
    private static final Signal INPUT;
    private static final Signal CLEAN;

    static {
        int rate = 8000;
        double[] clean = new double[rate];
        double[] noisy = new double[rate];
        Random r = new Random(5);
        // Voiced-speech-like bursts: a harmonic complex with a gliding pitch. (A steady pure tone would be
        // indistinguishable from tonal noise such as hum, and the blind denoiser rightly takes it for noise.)
        double phase = 0;
        for (int i = 0; i < rate; i++) {
            phase += 2 * Math.PI * (140 + 15 * Math.sin(2 * Math.PI * 3 * i / rate)) / rate;
            double voice = 0;
            for (int k = 1; k <= 8; k++) {
                voice += Math.sin(k * phase) / k;
            }
            double burst = (i / 4000) % 2 == 0 ? 0.3 * voice : 0; // syllable-long (250 ms) bursts
            clean[i] = burst;
            noisy[i] = burst + 0.05 * r.nextGaussian();
        }
        INPUT = new Signal(noisy, rate);
        CLEAN = new Signal(clean, rate);
    }

    private static ParameterSet small() {
        return ParamCatalog.defaults().with("lowNfft", 256).with("lowHop", 256).with("regularNfft", 256)
                .with("regularHop", 64).with("ica", false);
    }

    @Test
    void maskAndProductionChangesReuseTheClustering() {
        AnalysisSession session = new AnalysisSession();
        ParameterSet p = small();
        AnalysisResult first = session.run(INPUT, CLEAN, p, TaskMonitor.none());
        assertEquals(EnumSet.of(Stage.SPECTROGRAM, Stage.DATASET, Stage.CLUSTER, Stage.MASK, Stage.PRODUCTION,
                Stage.DENOISER), first.recomputed());

        AnalysisResult mask = session.run(INPUT, CLEAN, p.with("maskMode", "reduce"), TaskMonitor.none());
        assertEquals(EnumSet.of(Stage.MASK), mask.recomputed());
        assertSame(first.labels(), mask.labels());

        AnalysisResult prod = session.run(INPUT, CLEAN, p.with("maskMode", "reduce").with("productionPreset",
                "voice-bandpass"), TaskMonitor.none());
        assertEquals(EnumSet.of(Stage.PRODUCTION), prod.recomputed());

        AnalysisResult same = session.run(INPUT, CLEAN, p.with("maskMode", "reduce").with("productionPreset",
                "voice-bandpass"), TaskMonitor.none());
        assertTrue(same.recomputed().isEmpty());
        assertEquals(runtime(prod, "Speech"), runtime(same, "Speech"), "a reused result keeps its runtime");
        assertEquals(runtime(first, "Denoised"), runtime(same, "Denoised"));
        assertTrue(runtime(same, "Speech") > runtime(mask, "Speech") / 2, "clustering time still counted when reused: "
                + runtime(same, "Speech") + " s vs " + runtime(mask, "Speech") + " s");

        AnalysisResult cluster = session.run(INPUT, CLEAN, p.with("maskMode", "reduce")
                .with("productionPreset", "voice-bandpass").with("neighbors", 7), TaskMonitor.none());
        assertEquals(EnumSet.of(Stage.CLUSTER, Stage.MASK), cluster.recomputed());

        AnalysisResult gate = session.run(INPUT, CLEAN, p.with("maskMode", "reduce").with("productionPreset",
                "voice-bandpass").with("neighbors", 7).with("productionGate", "stationary"), TaskMonitor.none());
        assertEquals(EnumSet.of(Stage.PRODUCTION), gate.recomputed(), "a production edit reuses the denoiser");

        AnalysisResult denoiser = session.run(INPUT, CLEAN, p.with("maskMode", "reduce").with("productionPreset",
                "voice-bandpass").with("neighbors", 7).with("denoiserGainFloorDb", -25.0), TaskMonitor.none());
        assertEquals(EnumSet.of(Stage.DENOISER), denoiser.recomputed(),
                "production back at the preset comes from the cache, the denoiser reruns for its own field");
    }

    @Test
    void outputsCarrySettingsAndScoresAgainstTheReference() {
        AnalysisResult r = new AnalysisSession().run(INPUT, CLEAN, small(), TaskMonitor.none());
        assertEquals(java.util.List.of("Original", "Denoised", "Production", "Speech", "Residue"),
                r.outputs().stream().map(Output::name).toList());
        Output original = r.outputs().get(0);
        double snr = 10 * Math.log10(sum(CLEAN) / (0.05 * 0.05 * INPUT.length()));
        assertEquals(snr, original.siSdr(), 0.5, "SI-SDR of the mixture is its SNR");
        Output denoised = r.outputs().get(1);
        assertTrue(denoised.siSdr() > original.siSdr() + 1, "the blind denoiser improves on the mixture: "
                + denoised.siSdr() + " vs " + original.siSdr());
        assertTrue(denoised.settings().contains("denoiserGainFloorDb=-15"), denoised.settings());
        Output speech = r.outputs().get(3);
        assertTrue(speech.settings().contains("strategy=column"), speech.settings());
        Signal sum = new Signal(add(r.outputs().get(3).signal(), r.outputs().get(4).signal()), INPUT.sampleRate());
        assertTrue(EngineBridge.score(sum, INPUT).siSdrDb() > 40, "speech + residue rebuild the input");
    }

    private static double sum(Signal s) {
        double t = 0;
        for (double v : s.samples()) {
            t += v * v;
        }
        return t;
    }

    private static double[] add(Signal a, Signal b) {
        double[] x = new double[a.length()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.samples()[i] + b.samples()[i];
        }
        return x;
    }

    private static double runtime(AnalysisResult r, String name) {
        return r.outputs().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow().runtimeSeconds();
    }
}
