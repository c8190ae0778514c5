package org.ncw.engine.denoise;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.metrics.EvaluationSet;
import org.ncw.engine.metrics.QualityBenchmark;
import org.ncw.engine.testdata.SharedData;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blind denoiser's dev-set means stay above the targets (skips without the shared data). */
class BlindDenoiserDevSetTest {

    @Test
    void devSetMeansMeetTheTargets() throws Exception {
        EvaluationSet set = EvaluationSet.load(SharedData.devSetOrSkip());
        QualityBenchmark.Summary s = QualityBenchmark.fit(set, List.of(DenoisingMethods.BLIND_DENOISER),
                TaskMonitor.none()).overall().get(0);
        assertTrue(s.deltaSiSdr() >= 5.0, "mean delta SI-SDR " + s.deltaSiSdr() + " dB, target >= +5 dB");
        assertTrue(s.deltaStoi() >= 0.02, "mean delta STOI " + s.deltaStoi() + ", target >= +0.02");
    }
}
