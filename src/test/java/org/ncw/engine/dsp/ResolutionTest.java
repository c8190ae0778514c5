package org.ncw.engine.dsp;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.dataset.GridStretcher;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.TfMatrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResolutionTest {
    private static final int SR = 22050;
    private static final int CLIP = 250800; // the study's 11.4 s clip

    @Test
    void presetsGiveTheStudysGridShapes() {
        TfAxes low = Resolution.LOW.axes(CLIP, SR);
        TfAxes regular = Resolution.REGULAR.axes(CLIP, SR);
        assertEquals(683, low.bins());
        assertEquals(70, low.frames());
        assertEquals(2049, regular.bins());
        assertEquals(1960, regular.frames());
        assertEquals("low", Resolution.LOW.presetName());
        assertEquals(Resolution.REGULAR, Resolution.of(StftOptions.of(4096, 128, 4096)));
        assertEquals(Resolution.LOW, Json.read(Json.write(Resolution.LOW), Resolution.class));
        assertThrows(InvalidParameterException.class, () -> new Resolution(512, 0, 512));
    }

    @Test
    void axesMatchTheSpectrogramsOwn() {
        ComplexSpectrogram spec = Stft.forward(new Signal(new double[20000], 16000), Resolution.LOW.toStftOptions());
        TfAxes predicted = Resolution.LOW.axes(20000, 16000);
        assertArrayEquals(spec.axes().frameTimesSeconds(), predicted.frameTimesSeconds(), 1e-12);
        assertArrayEquals(spec.axes().binFrequenciesHz(), predicted.binFrequenciesHz(), 1e-9);
    }

    @Test
    void lowResolutionLabelsStretchOntoTheRegularGridByTimeAndFrequency() {
        TfAxes low = Resolution.LOW.axes(CLIP, SR);
        TfAxes regular = Resolution.REGULAR.axes(CLIP, SR);
        // Speech in a box: 2-4 s and 300-3000 Hz on the low grid.
        LabelGrid labels = new LabelGrid(low.bins(), low.frames(), new int[low.bins() * low.frames()]);
        for (int f = 0; f < low.frames(); f++) {
            for (int k = 0; k < low.bins(); k++) {
                double t = low.timeSeconds(f);
                double hz = low.frequencyHz(k);
                if (t >= 2 && t <= 4 && hz >= 300 && hz <= 3000) {
                    labels.set(k, f, LabelGrid.SPEECH);
                }
            }
        }
        LabelGrid full = GridStretcher.stretch(labels, low, regular);
        assertEquals(2049, full.bins());
        assertEquals(1960, full.frames());
        double lowStep = 3600.0 / SR;
        double lowBin = SR / 1364.0;
        for (int f = 0; f < full.frames(); f += 7) {
            for (int k = 0; k < full.bins(); k += 3) {
                double t = regular.timeSeconds(f);
                double hz = regular.frequencyHz(k);
                // Away from the box edges (half a low-res cell) the label must be the box's.
                boolean inside = t > 2 + lowStep && t < 4 - lowStep && hz > 300 + lowBin && hz < 3000 - lowBin;
                boolean outside = t < 2 - lowStep || t > 4 + lowStep || hz < 300 - lowBin || hz > 3000 + lowBin;
                if (inside) {
                    assertEquals(LabelGrid.SPEECH, full.get(k, f), () -> t + " s, " + hz + " Hz");
                } else if (outside) {
                    assertEquals(LabelGrid.NOISE, full.get(k, f), () -> t + " s, " + hz + " Hz");
                }
            }
        }
        TfMatrix soft = GridStretcher.stretch(new TfMatrix(low.bins(), low.frames(), new double[low.bins() * low.frames()]),
                low, regular);
        assertEquals(2049 * 1960, soft.values().length);
    }
}
