package org.ncw.engine.denoise;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.evaluation.EvaluationSet;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.engine.testdata.SharedData;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blind denoiser's dev-set means with the defaults chosen on the corpus's even half and the band mask trained
 * there (issue 12): near the measured means (+5.05 dB, +0.0409 STOI; +4.23 / +0.044 with the analytic gain alone)
 * and above RNNoise's gains computed from the independent reference_scores.json (RNNoise +4.91 dB, +0.0399 STOI).
 * These 12 mixtures (two speakers, synthetic pink noise and kitchen dishes) were never trained or tuned on. Skips
 * without the shared data.
 */
class BlindDenoiserDevSetTest {

    @Test
    void devSetMeansHoldAndBeatRnnoiseOnIntelligibility() throws Exception {
        Path dev = SharedData.devSetOrSkip();
        EvaluationSet set = EvaluationSet.load(dev);
        QualityBenchmark.Summary s = QualityBenchmark.fit(set, List.of(org.ncw.engine.workbench.Methods.byName(org.ncw.engine.workbench.Methods.BLIND_DENOISER)
                .orElseThrow().bound(org.ncw.engine.workbench.WorkbenchOptions.defaults())),
                TaskMonitor.none()).overall().get(0);
        assertTrue(s.deltaSiSdr() >= 4.95, "mean delta SI-SDR " + s.deltaSiSdr() + " dB, measured +5.05 dB");
        assertTrue(s.deltaStoi() >= 0.0403, "mean delta STOI " + s.deltaStoi() + ", measured +0.0409");

        double[] rnnoise = peerMeanDeltas(dev, "rnnoise");
        assertTrue(s.deltaSiSdr() > rnnoise[0], "SI-SDR gain " + s.deltaSiSdr() + " vs RNNoise " + rnnoise[0]);
        assertTrue(s.deltaStoi() > rnnoise[1], "STOI gain " + s.deltaStoi() + " vs RNNoise " + rnnoise[1]);
    }

    /** Mean (delta SI-SDR, delta STOI) of a peer over the dev mixtures, against their 'noisy' rows. */
    static double[] peerMeanDeltas(Path dev, String peer) throws Exception {
        JsonNode rows = Json.mapper().readTree(dev.resolve("reference_scores.json").toFile()).get("rows");
        Map<String, JsonNode> noisy = new HashMap<>();
        for (JsonNode r : rows) {
            if (r.get("method").asText().equals("noisy")) {
                noisy.put(r.get("stem").asText(), r);
            }
        }
        double[] sum = new double[2];
        int n = 0;
        for (JsonNode r : rows) {
            if (r.get("method").asText().equals(peer)) {
                JsonNode base = noisy.get(r.get("stem").asText());
                sum[0] += r.get("si_sdr").asDouble() - base.get("si_sdr").asDouble();
                sum[1] += r.get("stoi").asDouble() - base.get("stoi").asDouble();
                n++;
            }
        }
        assertEquals(12, n, "every dev mixture has a " + peer + " row");
        return new double[] {sum[0] / n, sum[1] / n};
    }
}
