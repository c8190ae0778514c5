package org.ncw.engine.stream;

import org.junit.jupiter.api.Test;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.engine.testdata.CorpusHalves;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming denoiser's means on the issue-12 corpus with the defaults: the even half (where they were chosen,
 * measured +2.55 dB / +0.0075 STOI) and the odd half (validation, +2.82 / +0.0128), ahead of RNNoise on SI-SDR
 * (+1.41 / +1.60 there), and no loss of SI-SDR at +15 and +20 dB (the low band's tracker; with the floor there it
 * lost 1.9 dB at +20). Skips without the shared data.
 */
class StreamingDenoiserCorpusTest {

    @Test
    void corpusHalvesKeepTheirMeasuredMeans() throws Exception {
        CorpusHalves halves = CorpusHalves.of(StreamingDenoiser.METHOD_NAME);
        QualityBenchmark.Summary e = halves.evenMeans();
        QualityBenchmark.Summary o = halves.oddMeans();
        assertTrue(e.deltaSiSdr() >= 2.50, "even delta SI-SDR " + e.deltaSiSdr() + ", measured +2.55");
        assertTrue(e.deltaStoi() >= 0.007, "even delta STOI " + e.deltaStoi() + ", measured +0.0075");
        assertTrue(o.deltaSiSdr() >= 2.75, "odd delta SI-SDR " + o.deltaSiSdr() + ", measured +2.82");
        assertTrue(o.deltaStoi() >= 0.012, "odd delta STOI " + o.deltaStoi() + ", measured +0.0128");
        assertTrue(e.deltaEstoi() >= 0.032 && o.deltaEstoi() >= 0.040,
                "delta ESTOI " + e.deltaEstoi() + " / " + o.deltaEstoi() + ", measured +0.035 / +0.043");
        halves.assertNoSiSdrLossAtHighSnr();
    }
}
