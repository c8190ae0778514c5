package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcaBatchTest {
    private static final IcaBatch.CleanScorer CORRELATION =
            (estimate, clean) -> Map.of("r_clean", SpeechLikeness.referenceCorrelation(estimate, clean));

    @Test
    void runsEveryPairWritesOutputsAndSummarises() {
        Signal a = PairSeparationTest.mix(1, 0.6);
        Signal b = PairSeparationTest.mix(0.4, 1);
        Signal aAgain = a.copy(); // a pair of identical signals cannot be separated: an error row, not a crash
        List<String> written = new ArrayList<>();
        IcaBatch.Result result = IcaBatch.run(
                List.of(new IcaBatch.Input("a", a), new IcaBatch.Input("b", b), new IcaBatch.Input("a2", aAgain)),
                null, PairSeparationTest.SPEECH, PairSeparationOptions.defaults(), CORRELATION,
                (row, res) -> written.add(row.outputName()), TaskMonitor.none());

        assertEquals(3, result.rows().size());
        assertEquals(List.of("01_a__b", "03_b__a2"), written);
        assertEquals(1, result.failures());
        assertEquals(List.of("r_clean"), result.metricNames());
        assertEquals(List.of("a", "b", "a2"), List.copyOf(result.inputMetrics().keySet()));
        double baseline = result.inputMetrics().get("a").get("r_clean");
        assertTrue(baseline > 0.5 && baseline < 0.99, "input a alone: r = " + baseline);

        IcaBatch.PairRow ab = result.rows().get(0);
        assertEquals("a", ab.inputA());
        assertEquals("b", ab.inputB());
        assertTrue(ab.converged());
        assertTrue(ab.iterations() >= 1);
        assertEquals(SpeechRanking.FLATNESS, ab.ranking());
        assertTrue(Math.abs(ab.speechMetrics().get("r_clean")) > 0.99);
        assertNull(ab.error());

        IcaBatch.PairRow failed = result.rows().get(1);
        assertEquals("02_a__a2", failed.outputName());
        assertTrue(failed.error().contains("linearly dependent"), failed.error());

        String[] csv = result.toCsv().split("\n");
        assertEquals("pair,input_a,input_b,output,sample_rate,samples,iterations,converged,last_change,speech_output,"
                + "ranking,speech_score,noise_score,r_clean,error", csv[0]);
        assertEquals(4, csv.length);
        assertTrue(csv[1].startsWith("1,a,b,01_a__b,16000,64000," + ab.iterations() + ",true,"), csv[1]);
        assertTrue(csv[2].startsWith("2,a,a2,02_a__a2,0,0,0,false,,0,,,,,\"the input signals are linearly"), csv[2]);
        assertTrue(Json.write(result).contains("\"speechMetrics\""));
    }

    @Test
    void siSdrAndStoiScorerUsesTheMetricsPackage() {
        Signal clean = PairSeparationTest.SPEECH;
        Map<String, Double> perfect = IcaBatch.scoreAgainst(IcaBatch.SI_SDR_AND_STOI, clean, clean);
        assertEquals(List.of("si_sdr_db", "stoi"), List.copyOf(perfect.keySet()));
        assertTrue(perfect.get("si_sdr_db") > 100, perfect.toString());
        assertEquals(1.0, perfect.get("stoi"), 1e-6);
        // SI-SDR of speech + noise at a known power ratio: 10 log10(Ps / Pn) (speech and noise nearly orthogonal)
        Signal noisy = PairSeparationTest.mix(1, 1);
        double ps = 0;
        double pn = 0;
        for (int t = 0; t < clean.length(); t++) {
            ps += clean.samples()[t] * clean.samples()[t];
            pn += PairSeparationTest.NOISE.samples()[t] * PairSeparationTest.NOISE.samples()[t];
        }
        assertEquals(10 * Math.log10(ps / pn), IcaBatch.scoreAgainst(IcaBatch.SI_SDR_AND_STOI, noisy, clean)
                .get("si_sdr_db"), 0.1);
    }

    @Test
    void needsTwoDistinctlyNamedInputs() {
        Signal a = PairSeparationTest.mix(1, 0.6);
        assertThrows(InvalidParameterException.class, () -> IcaBatch.run(List.of(new IcaBatch.Input("a", a)), null,
                null, PairSeparationOptions.defaults(), null, (r, s) -> { }, TaskMonitor.none()));
        assertTrue(assertThrows(InvalidParameterException.class, () -> IcaBatch.run(
                List.of(new IcaBatch.Input("a", a), new IcaBatch.Input("a", a)), null, null,
                PairSeparationOptions.defaults(), null, (r, s) -> { }, TaskMonitor.none())).getMessage()
                .contains("'a' repeats"));
    }
}
