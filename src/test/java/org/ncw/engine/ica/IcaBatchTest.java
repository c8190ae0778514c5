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

        IcaBatch.PairRow ab = result.rows().get(0);
        assertEquals("a", ab.inputA());
        assertEquals("b", ab.inputB());
        assertTrue(ab.converged());
        assertTrue(ab.iterations() >= 1);
        assertEquals(SpeechRanking.MODULATION, ab.ranking());
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
