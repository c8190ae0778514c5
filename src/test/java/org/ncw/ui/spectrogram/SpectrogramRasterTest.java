package org.ncw.ui.spectrogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.StftOptions;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Spectrum;

class SpectrogramRasterTest {
    private static final int RATE = 16000;

    private static Spectrum tone(double hz) {
        double[] x = new double[RATE];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return EngineBridge.spectrum(new Signal(x, RATE), StftOptions.of(512, 128, 512), TaskMonitor.none());
    }

    private static int brightestRow(int[] px, int w, int h, int x) {
        int best = 0;
        int bestLum = -1;
        for (int y = 0; y < h; y++) {
            int c = px[y * w + x];
            int lum = ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
            if (lum > bestLum) {
                bestLum = lum;
                best = y;
            }
        }
        return best;
    }

    @Test
    void aToneIsBrightestAtItsFrequencyOnLinearAndLogAxes() {
        Spectrum s = tone(1000);
        ColorMap cmap = ColorMap.magma();
        for (boolean log : new boolean[] {false, true}) {
            int w = 50;
            int h = 200;
            int[] px = SpectrogramRaster.render(new SpectrogramRaster.Request(s, 0.1, 0.9, w, h, log, 0, 80, null, null),
                    cmap);
            double expectedFrac = SpectrogramRaster.fracOf(s, log, 1000);
            int expectedRow = (int) Math.floor((1 - expectedFrac) * h);
            for (int x = 0; x < w; x += 7) {
                assertEquals(expectedRow, brightestRow(px, w, h, x), 2.0, "log=" + log + " column " + x);
            }
        }
    }

    @Test
    void logAxisMappingIsInvertible() {
        Spectrum s = tone(500);
        for (double hz : new double[] {40, 250, 1000, 7000}) {
            assertEquals(hz, SpectrogramRaster.hzAt(s, true, SpectrogramRaster.fracOf(s, true, hz)), 1e-6);
        }
        assertEquals(0.5, SpectrogramRaster.fracOf(s, false, 4000), 1e-12);
    }

    @Test
    void speechLabelsTintAndNoiseLabelsLeaveThePixelsAlone() {
        Spectrum s = tone(1000);
        LabelGrid noise = new LabelGrid(s.db().bins(), s.db().frames(), new int[s.db().values().length]);
        int[] speechLabels = new int[s.db().values().length];
        Arrays.fill(speechLabels, LabelGrid.SPEECH);
        LabelGrid speech = new LabelGrid(s.db().bins(), s.db().frames(), speechLabels);
        ColorMap cmap = ColorMap.magma();
        int[] plain = SpectrogramRaster.render(new SpectrogramRaster.Request(s, 0, 1, 40, 30, false, 0, 80, null, null), cmap);
        int[] withNoise = SpectrogramRaster.render(new SpectrogramRaster.Request(s, 0, 1, 40, 30, false, 0, 80, noise, s), cmap);
        int[] withSpeech = SpectrogramRaster.render(new SpectrogramRaster.Request(s, 0, 1, 40, 30, false, 0, 80, speech, s), cmap);
        assertTrue(Arrays.equals(plain, withNoise));
        assertNotEquals(plain[0], withSpeech[0]);
        assertEquals(ColorMap.blend(plain[0], SpectrogramRaster.LABEL_RGB[1], SpectrogramRaster.LABEL_ALPHA), withSpeech[0]);
    }

    @Test
    void gainShiftsTheColourScale() {
        Spectrum s = tone(1000);
        ColorMap cmap = ColorMap.magma();
        int[] a = SpectrogramRaster.render(new SpectrogramRaster.Request(s, 0, 1, 10, 10, false, 0, 80, null, null), cmap);
        int[] b = SpectrogramRaster.render(new SpectrogramRaster.Request(s, 0, 1, 10, 10, false, 20, 80, null, null), cmap);
        int lumA = 0;
        int lumB = 0;
        for (int i = 0; i < a.length; i++) {
            lumA += (a[i] >> 8) & 255;
            lumB += (b[i] >> 8) & 255;
        }
        assertTrue(lumB > lumA, "positive gain brightens: " + lumA + " -> " + lumB);
    }

    @Test
    void aZoomedBandDrawsTheToneAtItsHeightAndTheAxisReadsItBack() {
        Spectrum s = tone(1000);
        ColorMap cmap = ColorMap.magma();
        int w = 40;
        int h = 200;
        for (boolean log : new boolean[] {false, true}) {
            double lo = log ? 250 : 500;
            double hi = log ? 4000 : 1500;
            SpectrogramRaster.Request req = new SpectrogramRaster.Request(s, 0.1, 0.9, w, h, log, 0, 80, null, null,
                    SpectrogramRaster.LABEL_ALPHA, lo, hi);
            FrequencyAxis axis = req.axis();
            assertEquals(0.5, axis.fracOf(1000), 1e-9, "1 kHz is half way up " + lo + "-" + hi + " Hz, log=" + log);
            int[] px = SpectrogramRaster.render(req, cmap);
            for (int x = 0; x < w; x += 9) {
                assertEquals(h / 2.0, brightestRow(px, w, h, x), 3.0, "log=" + log);
            }
            int row = brightestRow(px, w, h, 20);
            assertEquals(1000, axis.rowHz(row, h), (hi - lo) / h * 3 + (log ? 40 : 0), "the readout's frequency");
        }
    }

    @Test
    void frequencyZoomKeepsTheAnchorAndStaysInsideTheSpectrum() {
        Spectrum s = tone(1000);
        FrequencyAxis full = FrequencyAxis.full(s, false);
        assertEquals(0, full.low());
        assertEquals(s.nyquist(), full.high());
        double[] band = full.zoom(s, 0.5, 2000);
        assertEquals(full.fracOf(2000), FrequencyAxis.of(s, false, band[0], band[1]).fracOf(2000), 1e-9);
        assertEquals(s.nyquist() / 2, band[1] - band[0], 1e-6);
        double[] out = FrequencyAxis.of(s, false, band[0], band[1]).zoom(s, 10, 7900);
        assertEquals(0, out[0], 1e-9, "zooming out never passes 0 Hz");
        assertEquals(s.nyquist(), out[1], 1e-9, "nor Nyquist");
        FrequencyAxis tiny = FrequencyAxis.of(s, false, 1000, 1001);
        assertEquals(FrequencyAxis.MIN_BAND_HZ, tiny.high() - tiny.low(), 1e-9, "never narrower than 20 Hz");
        FrequencyAxis logBand = FrequencyAxis.of(s, true, 100, 1000);
        double[] logZoom = logBand.zoom(s, 0.5, 500);
        assertEquals(logBand.fracOf(500), FrequencyAxis.of(s, true, logZoom[0], logZoom[1]).fracOf(500), 1e-9);
    }

    @Test
    void theViewModelZoomsAroundThePointerAndFitsBack() {
        SpectrogramViewModel vm = new SpectrogramViewModel();
        vm.spectrumProperty().set(tone(1000));
        vm.zoomFrequency(0.25, 1000);
        assertEquals(vm.frequencyAxis().fracOf(1000), 1000 / vm.spectrumProperty().get().nyquist(), 1e-9);
        assertEquals(2000, vm.freqHighHzProperty().get() - vm.freqLowHzProperty().get(), 1e-6);
        vm.fitFrequency();
        assertEquals(0, vm.freqLowHzProperty().get());
        assertEquals(Double.POSITIVE_INFINITY, vm.freqHighHzProperty().get());
    }
}
