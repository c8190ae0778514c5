package org.ncw.engine.testdata;

import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.evaluation.EvaluationSet;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registered method with the default experiment on the even (tuning) and odd (validation) halves of the shared
 * corpus; skips without it.
 */
public record CorpusHalves(QualityBenchmark.Result even, QualityBenchmark.Result odd) {

    public static CorpusHalves of(String method) throws IOException {
        EvaluationSet corpus = EvaluationSet.load(SharedData.corpusOrSkip());
        CorpusHalves h = new CorpusHalves(run(corpus, method, 0), run(corpus, method, 1));
        assertTrue(h.evenMeans().count() == 90 && h.oddMeans().count() == 90,
                h.evenMeans().count() + " / " + h.oddMeans().count());
        return h;
    }

    public QualityBenchmark.Summary evenMeans() {
        return even.overall().get(0);
    }

    public QualityBenchmark.Summary oddMeans() {
        return odd.overall().get(0);
    }

    /** The +15 and +20 dB cells of both halves gain SI-SDR (the issue asks for no loss at high SNR). */
    public void assertNoSiSdrLossAtHighSnr() {
        int cells = 0;
        for (QualityBenchmark.Result r : List.of(even, odd)) {
            for (QualityBenchmark.Summary s : r.perSnr()) {
                if (s.group().equals("+15 dB") || s.group().equals("+20 dB")) {
                    cells++;
                    assertTrue(s.deltaSiSdr() >= 0, s.group() + " delta SI-SDR " + s.deltaSiSdr());
                }
            }
        }
        assertTrue(cells == 4, "found " + cells + " of the 4 high-SNR cells");
    }

    private static QualityBenchmark.Result run(EvaluationSet corpus, String method, int parity) {
        EvaluationSet half = new EvaluationSet(corpus.directory(), corpus.items().stream()
                .filter(i -> Integer.parseInt(i.stem().split("__")[0]) % 2 == parity).toList());
        return QualityBenchmark.fit(half, List.of(Methods.byName(method).orElseThrow()
                .bound(WorkbenchOptions.defaults())), TaskMonitor.none());
    }
}
