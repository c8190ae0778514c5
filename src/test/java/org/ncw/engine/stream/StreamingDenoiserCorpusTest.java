package org.ncw.engine.stream;

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
 * The streaming denoiser's means on the issue-12 corpus with the defaults: the even half (where they were chosen,
 * measured +2.55 dB / +0.0075 STOI) and the odd half (validation, +2.82 / +0.0128), ahead of RNNoise on SI-SDR
 * (+1.41 / +1.60 there), and no loss of SI-SDR at +15 and +20 dB (the low band's tracker; with the floor there it
 * lost 1.9 dB at +20). Skips without the shared data.
 */
class StreamingDenoiserCorpusTest {

    @Test
    void corpusHalvesKeepTheirMeasuredMeans() throws Exception {
        EvaluationSet corpus = EvaluationSet.load(SharedData.corpusOrSkip());
        QualityBenchmark.Result even = run(corpus, 0);
        QualityBenchmark.Result odd = run(corpus, 1);
        QualityBenchmark.Summary e = even.overall().get(0);
        QualityBenchmark.Summary o = odd.overall().get(0);
        assertTrue(e.count() == 90 && o.count() == 90, e.count() + " / " + o.count());
        assertTrue(e.deltaSiSdr() >= 2.50, "even delta SI-SDR " + e.deltaSiSdr() + ", measured +2.55");
        assertTrue(e.deltaStoi() >= 0.007, "even delta STOI " + e.deltaStoi() + ", measured +0.0075");
        assertTrue(o.deltaSiSdr() >= 2.75, "odd delta SI-SDR " + o.deltaSiSdr() + ", measured +2.82");
        assertTrue(o.deltaStoi() >= 0.012, "odd delta STOI " + o.deltaStoi() + ", measured +0.0128");
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
        return QualityBenchmark.fit(half, List.of(Methods.byName(StreamingDenoiser.METHOD_NAME).orElseThrow()
                .bound(WorkbenchOptions.defaults())), TaskMonitor.none());
    }
}
