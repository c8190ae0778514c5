package org.ncw.engine.metrics;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityAccumulatorTest {
    private static final int RATE = 16000;

    private static double[][] pair(int n, long seed) {
        Random r = new Random(seed);
        double[] clean = new double[n];
        double[] est = new double[n];
        for (int i = 0; i < n; i++) {
            double env = (i / (RATE / 2)) % 2 == 0 ? 1 : 0.05; // bursts and pauses, so STOI drops silent frames
            clean[i] = env * 0.3 * Math.sin(2 * Math.PI * 220 * i / RATE + 0.3 * Math.sin(i * 0.001));
            est[i] = 0.9 * clean[i] + 0.02 * r.nextGaussian();
        }
        return new double[][] {clean, est};
    }

    private static QualityScores fed(double[][] p, int chunk, int block) {
        QualityAccumulator acc = new QualityAccumulator(RATE, chunk);
        for (int at = 0; at < p[0].length; at += block) {
            acc.add(p[0], at, p[1], at, Math.min(block, p[0].length - at));
        }
        return acc.scores();
    }

    @Test
    void withinOneChunkTheScoresAreExactlyTheWholeSignalScores() {
        double[][] p = pair(3 * RATE, 1);
        QualityScores whole = QualityMetrics.score(new Signal(p[0], RATE), new Signal(p[1], RATE));
        assertEquals(whole, fed(p, 4 * RATE, 1000));
    }

    @Test
    void acrossChunksSnrSegSnrAndSiSdrMatchAndStoiIsTheChunkAverage() {
        double[][] p = pair(10 * RATE + 777, 2);
        QualityScores whole = QualityMetrics.score(new Signal(p[0], RATE), new Signal(p[1], RATE));
        QualityScores chunked = fed(p, 3 * RATE, 4096);
        assertEquals(whole.snrDb(), chunked.snrDb(), 1e-9);
        assertEquals(whole.segmentalSnrDb(), chunked.segmentalSnrDb(), 1e-9);
        assertEquals(whole.siSdrDb(), chunked.siSdrDb(), 1e-6);
        // STOI: per 3 s chunk, averaged by length (the last, 1 s + 777 samples, is long enough to count)
        double sum = 0;
        double weight = 0;
        for (int at = 0; at < p[0].length; at += 3 * RATE) {
            int n = Math.min(3 * RATE, p[0].length - at);
            double s = Stoi.compute(java.util.Arrays.copyOfRange(p[0], at, at + n),
                    java.util.Arrays.copyOfRange(p[1], at, at + n), RATE);
            sum += s * n;
            weight += n;
        }
        assertEquals(sum / weight, chunked.stoi(), 1e-12);
        // and near the whole-signal value (short chunks lose their edge segments; 60 s chunks lose far less)
        assertEquals(whole.stoi(), chunked.stoi(), 0.05);
        assertTrue(chunked.stoi() > 0.5 && chunked.stoi() <= 1, "stoi " + chunked.stoi());
    }
}
