package org.ncw.engine.denoise;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.evaluation.EvaluationSet;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.engine.testdata.SharedData;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blind denoiser's means on the issue-12 corpus with the defaults: the even half (where they were chosen,
 * measured +2.62 dB / +0.0095 STOI) and the odd half (never used for tuning, +3.06 / +0.0160), and at the highest
 * SNRs no loss of SI-SDR. Skips without the shared data.
 */
class BlindDenoiserCorpusTest {

    @Test
    void corpusHalvesKeepTheirMeasuredMeans() throws Exception {
        EvaluationSet corpus = EvaluationSet.load(SharedData.corpusOrSkip());
        QualityBenchmark.Result even = run(corpus, 0);
        QualityBenchmark.Result odd = run(corpus, 1);
        QualityBenchmark.Summary e = even.overall().get(0);
        QualityBenchmark.Summary o = odd.overall().get(0);
        assertTrue(e.count() == 90 && o.count() == 90, e.count() + " / " + o.count());
        assertTrue(e.deltaSiSdr() >= 2.55, "even delta SI-SDR " + e.deltaSiSdr() + ", measured +2.62");
        assertTrue(e.deltaStoi() >= 0.009, "even delta STOI " + e.deltaStoi() + ", measured +0.0095");
        assertTrue(o.deltaSiSdr() >= 2.95, "odd delta SI-SDR " + o.deltaSiSdr() + ", measured +3.06");
        assertTrue(o.deltaStoi() >= 0.015, "odd delta STOI " + o.deltaStoi() + ", measured +0.0160");
        assertTrue(e.deltaEstoi() >= 0.033, "even delta ESTOI " + e.deltaEstoi() + ", measured +0.036");
        assertTrue(o.deltaEstoi() >= 0.043, "odd delta ESTOI " + o.deltaEstoi() + ", measured +0.046");
        for (QualityBenchmark.Result r : List.of(even, odd)) {
            for (QualityBenchmark.Summary s : r.perSnr()) {
                if (s.group().equals("+15 dB") || s.group().equals("+20 dB")) {
                    assertTrue(s.deltaSiSdr() >= 0, s.group() + " delta SI-SDR " + s.deltaSiSdr());
                }
            }
        }
    }

    private static QualityBenchmark.Result run(EvaluationSet corpus, int parity) {
        EvaluationSet half = new EvaluationSet(corpus.directory(), corpus.items().stream()
                .filter(i -> Integer.parseInt(i.stem().split("__")[0]) % 2 == parity).toList());
        return QualityBenchmark.fit(half, List.of(Methods.byName(Methods.BLIND_DENOISER).orElseThrow()
                .bound(WorkbenchOptions.defaults())), TaskMonitor.none());
    }
}
