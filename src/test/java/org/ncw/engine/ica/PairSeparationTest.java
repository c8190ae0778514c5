package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.bench.IcaBench;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairSeparationTest {
    static final int RATE = 16000;
    static final int N = 4 * RATE;
    static final Signal SPEECH = new Signal(IcaBench.speechLike(N, RATE, 11), RATE);
    static final Signal NOISE = new Signal(IcaBench.gaussianNoise(N, 0.1, 12), RATE);

    /** p * speech + q * noise. */
    static Signal mix(double p, double q) {
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            x[t] = p * SPEECH.samples()[t] + q * NOISE.samples()[t];
        }
        return new Signal(x, RATE);
    }

    static AlignedPair pair(Signal a, Signal b, Signal reference) {
        return AlignedPair.align(a, b, reference, TaskMonitor.none());
    }

    private static double r(Signal a, Signal b) {
        return SpeechLikeness.referenceCorrelation(a, b);
    }

    @Test
    void separatesAndRanksSpeechFirstWhicheverInputHoldsMoreOfIt() {
        for (boolean swapped : new boolean[] {false, true}) {
            Signal a = mix(1, 0.6);
            Signal b = mix(0.4, 1);
            PairSeparationResult res = PairSeparation.fit(swapped ? pair(b, a, null) : pair(a, b, null),
                    PairSeparationOptions.defaults(), TaskMonitor.none());
            assertEquals(SpeechRanking.FLATNESS, res.rule());
            assertTrue(res.ica().converged(), res.ica().convergenceSummary());
            assertTrue(Math.abs(r(res.speech(), SPEECH)) > 0.99, "speech r = " + r(res.speech(), SPEECH));
            assertTrue(Math.abs(r(res.noise(), NOISE)) > 0.99, "noise r = " + r(res.noise(), NOISE));
            assertTrue(res.speechScore() < res.noiseScore(), "flatness: lower is speech");
        }
    }

    @Test
    void everyRuleRanksTheSpeechFirst() {
        for (SpeechRanking rule : List.of(SpeechRanking.FLATNESS, SpeechRanking.MODULATION, SpeechRanking.REFERENCE)) {
            PairSeparationResult res = PairSeparation.fit(pair(mix(0.4, 1), mix(1, 0.6), mix(1, 0.3)),
                    PairSeparationOptions.defaults().withRanking(rule), TaskMonitor.none());
            assertEquals(rule, res.rule());
            assertTrue(Math.abs(r(res.speech(), SPEECH)) > 0.99, rule + ": speech r = " + r(res.speech(), SPEECH));
        }
    }

    @Test
    void outputsAreLoudnessNormalisedWithoutClipping() {
        PairSeparationResult res = PairSeparation.fit(pair(mix(1, 0.6), mix(0.4, 1), null),
                PairSeparationOptions.defaults(), TaskMonitor.none());
        for (Signal s : List.of(res.speech(), res.noise())) {
            double e = 0;
            double peak = 0;
            for (double v : s.samples()) {
                e += v * v;
                peak = Math.max(peak, Math.abs(v));
            }
            double rmsDb = 10 * Math.log10(e / s.length());
            assertTrue(peak <= Math.pow(10, -1 / 20.0) + 1e-12, "peak " + peak);
            // either the RMS target is met or the peak ceiling is what limited the gain
            assertTrue(Math.abs(rmsDb + 20) < 1e-6 || Math.abs(peak - Math.pow(10, -1 / 20.0)) < 1e-9,
                    "rms " + rmsDb + " dBFS, peak " + peak);
        }
    }

    @Test
    void referenceRankingPicksTheOutputLikeTheReferenceAndFixesItsSign() {
        Signal clusteredSpeech = mix(1, 0.3); // a rough speech estimate as the reference track
        PairSeparationResult res = PairSeparation.fit(pair(mix(1, 0.6), mix(0.4, 1), clusteredSpeech),
                PairSeparationOptions.defaults(), TaskMonitor.none());
        assertEquals(SpeechRanking.REFERENCE, res.rule());
        assertTrue(r(res.speech(), SPEECH) > 0.99, "sign made positive: r = " + r(res.speech(), SPEECH));
        assertTrue(res.speechScore() > 0.9 && res.noiseScore() < 0.5);
    }

    @Test
    void studyPreMixingFindsTheSameSources() {
        AlignedPair p = pair(mix(1, 0.6), mix(0.4, 1), null);
        PairSeparationResult plain = PairSeparation.fit(p, PairSeparationOptions.defaults(), TaskMonitor.none());
        PairSeparationResult mixed = PairSeparation.fit(p,
                PairSeparationOptions.defaults().withMixing(MixingMatrix.study()), TaskMonitor.none());
        assertTrue(Math.abs(r(plain.speech(), mixed.speech())) > 0.999);
    }

    @Test
    void chainingFeedsAnOutputIntoTheNextSeparation() {
        // the study's best: clustered speech + ICA(clustered speech, production-filtered)
        Signal clustered = mix(1, 0.5);
        Signal filtered = mix(0.7, 1);
        PairSeparationResult first = PairSeparation.fit(pair(clustered, filtered, null),
                PairSeparationOptions.defaults(), TaskMonitor.none());
        PairSeparationResult second = PairSeparation.fit(pair(clustered, first.speech(), null),
                PairSeparationOptions.defaults(), TaskMonitor.none());
        assertTrue(Math.abs(r(second.speech(), SPEECH)) > 0.99, "chained r = " + r(second.speech(), SPEECH));
        assertTrue(Math.abs(r(second.speech(), SPEECH)) > Math.abs(r(clustered, SPEECH)));
    }

    @Test
    void restartsKeepTheRunOfHighestNegentropy() {
        AlignedPair p = pair(mix(1, 0.6), mix(0.4, 1), null);
        double best = Double.NEGATIVE_INFINITY;
        int bestSeed = -1;
        for (int seed = 10; seed < 14; seed++) {
            FastIcaResult fit = FastIca.fit(new double[][] {p.first().samples(), p.second().samples()},
                    FastIcaOptions.defaults().withSeed(seed), TaskMonitor.none());
            double j = Negentropy.total(fit.sources(), FastIcaOptions.Contrast.LOGCOSH, 1);
            if (fit.converged() && j > best) {
                best = j;
                bestSeed = seed;
            }
        }
        PairSeparationResult res = PairSeparation.fit(p, PairSeparationOptions.defaults()
                .withIca(FastIcaOptions.defaults().withSeed(10)).withRestarts(4), TaskMonitor.none());
        assertEquals(best, res.negentropy(), 1e-12);
        FastIcaResult chosen = FastIca.fit(new double[][] {p.first().samples(), p.second().samples()},
                FastIcaOptions.defaults().withSeed(bestSeed), TaskMonitor.none());
        assertEquals(chosen.iterations(), res.ica().iterations());
        assertEquals(chosen.unmixing()[0][0], res.ica().unmixing()[0][0], 1e-12);
    }

    @Test
    void nonConvergenceIsCarriedIntoTheResult() {
        PairSeparationResult res = PairSeparation.fit(pair(mix(1, 0.6), mix(0.4, 1), null),
                PairSeparationOptions.defaults().withIca(FastIcaOptions.defaults().withMaxIter(1)), TaskMonitor.none());
        assertFalse(res.ica().converged());
        assertEquals(1, res.ica().iterations());
    }

    @Test
    void badRequestsAreExplained() {
        AlignedPair p = pair(mix(1, 0.6), mix(0.4, 1), null);
        assertTrue(assertThrows(InvalidParameterException.class, () -> PairSeparation.fit(p,
                PairSeparationOptions.defaults().withRanking(SpeechRanking.REFERENCE), TaskMonitor.none()))
                .getMessage().contains("needs a reference track"));
        AlignedPair same = pair(mix(1, 0.6), mix(1, 0.6), null);
        assertTrue(assertThrows(InvalidParameterException.class, () -> PairSeparation.fit(same,
                PairSeparationOptions.defaults(), TaskMonitor.none())).getMessage().contains("linearly dependent"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> PairSeparationOptions.defaults()
                .withIca(FastIcaOptions.defaults().withNComponents(1))).getMessage().contains("nComponents must be 2"));
    }

    @Test
    void optionsRoundTripThroughJson() {
        PairSeparationOptions o = PairSeparationOptions.defaults().withMixing(MixingMatrix.study())
                .withRanking(SpeechRanking.REFERENCE).withIca(FastIcaOptions.defaults().withSeed(5))
                .withLoudness(LoudnessOptions.defaults().withTargetRmsDbfs(-18)).withRestarts(5);
        assertEquals(o, Json.read(Json.write(o), PairSeparationOptions.class));
        assertEquals(PairSeparationOptions.defaults(),
                Json.read(Json.write(PairSeparationOptions.defaults()), PairSeparationOptions.class));
    }
}
