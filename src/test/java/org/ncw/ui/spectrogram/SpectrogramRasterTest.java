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
}
