package org.ncw.engine.metrics;

import org.ncw.engine.evaluation.EvaluationSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.testdata.SharedData;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SI-SDR and STOI of every dev mixture agree with the independently computed reference_scores.json. */
class DevSetReferenceScoresTest {

    @Test
    void noisyRowsAgreeWithIndependentScores() throws Exception {
        Path dev = SharedData.devSetOrSkip();
        EvaluationSet set = EvaluationSet.load(dev);
        JsonNode rows = Json.mapper().readTree(dev.resolve("reference_scores.json").toFile()).get("rows");
        int checked = 0;
        for (EvaluationSet.Item item : set.items()) {
            Signal clean = item.readClean();
            Signal noisy = item.readNoisy();
            for (JsonNode r : rows) {
                if (r.get("stem").asText().equals(item.stem()) && r.get("method").asText().equals("noisy")) {
                    QualityScores s = QualityMetrics.score(clean, noisy);
                    assertEquals(r.get("si_sdr").asDouble(), s.siSdrDb(), 1e-6, "SI-SDR (required: 0.01 dB) of " + item.stem());
                    assertEquals(r.get("stoi").asDouble(), s.stoi(), 1e-6, "STOI (required: 0.005) of " + item.stem());
                    checked++;
                }
            }
        }
        assertEquals(12, checked, "every dev mixture has a noisy reference row");
    }
}
