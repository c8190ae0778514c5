package org.ncw.engine.evaluation;

import org.ncw.engine.metrics.MetricsFixtureSignals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.DenoisingMethod;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityBenchmarkTest {
    private static final int FS = 10000;

    @TempDir
    Path dir;

    private void mixture(String stem, double noiseLevel, double snr) throws IOException {
        double[] clean = MetricsFixtureSignals.voiced(2 * FS, FS);
        double[] noise = MetricsFixtureSignals.lcgNoise(2 * FS, stem.hashCode());
        double[] noisy = new double[clean.length];
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = clean[i] + noiseLevel * noise[i];
        }
        AudioWriter.write(new Signal(clean, FS), dir.resolve(stem + ".clean.wav"), SampleFormat.FLOAT32, WriteMode.OVERWRITE);
        AudioWriter.write(new Signal(noisy, FS), dir.resolve(stem + ".noisy.wav"), SampleFormat.FLOAT32, WriteMode.OVERWRITE);
    }

    @Test
    void identityHasZeroDeltasAndAFailingMethodIsReportedNotFatal() throws IOException {
        mixture("a", 0.02, 0);
        mixture("b", 0.01, 5);
        Files.writeString(dir.resolve("index.json"), "[{\"stem\":\"a\",\"noise\":\"white\",\"snr_db\":0},"
                + "{\"stem\":\"b\",\"noise\":\"white\",\"snr_db\":5}]");
        DenoisingMethod failing = DenoisingMethod.of("broken", (s, m) -> {
            throw new IllegalStateException("no can do");
        });
        DenoisingMethod halfGain = DenoisingMethod.of("half", (s, m) -> {
            double[] x = s.samples().clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= 0.5;
            }
            return s.withSamples(x);
        });
        QualityBenchmark.Result r = QualityBenchmark.fit(EvaluationSet.load(dir),
                List.of(Methods.unprocessed().bound(WorkbenchOptions.defaults()), halfGain, failing), TaskMonitor.none());
        assertEquals(6, r.rows().size());
        List<QualityBenchmark.Summary> overall = r.overall();
        assertEquals(0.0, overall.get(0).deltaSiSdr(), 1e-12);
        assertEquals(0.0, overall.get(0).deltaStoi(), 1e-12);
        assertEquals(0.0, overall.get(0).deltaEstoi(), 1e-12);
        assertTrue(overall.get(0).estoi() > 0.1 && overall.get(0).estoi() < overall.get(0).stoi(), overall.toString());
        // a gain changes neither SI-SDR nor STOI nor ESTOI
        assertEquals(0.0, overall.get(1).deltaSiSdr(), 1e-9);
        assertEquals(0.0, overall.get(1).deltaStoi(), 1e-6);
        assertEquals(0.0, overall.get(1).deltaEstoi(), 1e-6);
        QualityBenchmark.Summary broken = overall.get(2);
        assertEquals(0, broken.count());
        assertEquals(2, broken.failures());
        assertEquals("no can do", broken.firstError());
        List<QualityBenchmark.Summary> perSnr = r.perSnr();
        assertEquals("+0 dB", perSnr.get(0).group());
        assertEquals("+5 dB", perSnr.get(1).group());
        assertTrue(QualityBenchmark.toCsv(r).contains("\"broken\",a,white,0.0,NaN"));
    }

    @Test
    void badSetsAreNamed() throws IOException {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> EvaluationSet.load(dir));
        assertTrue(none.getMessage().contains("no index.json"), none.getMessage());
        Files.writeString(dir.resolve("index.json"), "[{\"stem\":\"x\"}]");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> EvaluationSet.load(dir));
        assertTrue(missing.getMessage().contains("x.noisy.wav is missing"), missing.getMessage());
    }

    @Test
    void methodNamesCanBeListedOnTheCommandLine() {
        // --methods splits on commas, so a name with a comma could never be selected
        for (String name : Methods.names()) {
            assertTrue(!name.contains(",") && !name.isBlank(), "method name '" + name + "'");
        }
    }
}
