package org.ncw.engine.mask;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskerTest {
    private static final Signal X = new Signal(new Random(11).doubles(8000, -0.5, 0.5).toArray(), 8000);
    private static final ComplexSpectrogram SPEC = Stft.forward(X, StftOptions.of(512, 128, 512));

    private static LabelGrid constant(int label) {
        int[] l = new int[SPEC.bins() * SPEC.frames()];
        Arrays.fill(l, label);
        return new LabelGrid(SPEC.bins(), SPEC.frames(), l);
    }

    private static LabelGrid random(long seed) {
        Random r = new Random(seed);
        int[] l = new int[SPEC.bins() * SPEC.frames()];
        for (int i = 0; i < l.length; i++) {
            l[i] = r.nextBoolean() ? LabelGrid.SPEECH : LabelGrid.NOISE;
        }
        return new LabelGrid(SPEC.bins(), SPEC.frames(), l);
    }

    @Test
    void allSpeechReproducesTheInput() {
        SeparatedSignals s = Masker.separate(SPEC, constant(LabelGrid.SPEECH), MaskOptions.defaults(), TaskMonitor.none());
        assertArrayEquals(X.samples(), s.speech().samples(), 1e-9);
        assertEquals(0.0, Arrays.stream(s.residue().samples()).map(Math::abs).max().orElseThrow(), 0);
    }

    @Test
    void allNoiseGivesSilenceAndTheWholeResidue() {
        SeparatedSignals s = Masker.separate(SPEC, constant(LabelGrid.NOISE), MaskOptions.defaults(), TaskMonitor.none());
        assertEquals(0.0, Arrays.stream(s.speech().samples()).map(Math::abs).max().orElseThrow(), 0);
        assertArrayEquals(X.samples(), s.residue().samples(), 1e-9);
    }

    @Test
    void speechPlusResidueIsTheOriginalForEveryMode() {
        TfMatrix soft = new TfMatrix(SPEC.bins(), SPEC.frames(),
                new Random(5).doubles(SPEC.bins() * SPEC.frames()).toArray());
        for (MaskMode mode : MaskMode.values()) {
            MaskOptions o = MaskOptions.of(mode);
            for (MaskedSpectrograms m : new MaskedSpectrograms[] {
                    Masker.apply(SPEC, random(mode.ordinal()), o, TaskMonitor.none()),
                    Masker.apply(SPEC, soft, o, TaskMonitor.none())}) {
                for (int i = 0; i < SPEC.re().length; i++) {
                    assertEquals(SPEC.re()[i], m.speech().re()[i] + m.noise().re()[i], 1e-12);
                    assertEquals(SPEC.im()[i], m.speech().im()[i] + m.noise().im()[i], 1e-12);
                }
                SeparatedSignals s = Masker.resynthesise(m, TaskMonitor.none());
                for (int i = 0; i < X.length(); i++) {
                    assertEquals(X.samples()[i], s.speech().samples()[i] + s.residue().samples()[i], 1e-9);
                }
            }
        }
    }

    @Test
    void reduceScalesNoiseBinsByExactlyTheFactor() {
        LabelGrid labels = random(3);
        MaskedSpectrograms m = Masker.apply(SPEC, labels, MaskOptions.of(MaskMode.REDUCE).withReduceFactor(0.25),
                TaskMonitor.none());
        int speechBins = 0;
        for (int i = 0; i < SPEC.re().length; i++) {
            boolean speech = labels.labels()[i] == LabelGrid.SPEECH;
            speechBins += speech ? 1 : 0;
            assertEquals(speech ? SPEC.re()[i] : 0.25 * SPEC.re()[i], m.speech().re()[i], 0);
            assertEquals(speech ? SPEC.im()[i] : 0.25 * SPEC.im()[i], m.speech().im()[i], 0);
        }
        assertTrue(speechBins > 0 && speechBins < SPEC.re().length);
        MaskedSpectrograms strict = Masker.apply(SPEC, labels, MaskOptions.defaults(), TaskMonitor.none());
        for (int i = 0; i < SPEC.re().length; i++) {
            assertEquals(labels.labels()[i] == LabelGrid.SPEECH ? SPEC.re()[i] : 0, strict.speech().re()[i], 0);
        }
    }

    @Test
    void softMasksAreGainsOrThresholded() {
        double[] v = new double[SPEC.bins() * SPEC.frames()];
        Arrays.fill(v, 0.3);
        v[0] = 0.7;
        TfMatrix soft = new TfMatrix(SPEC.bins(), SPEC.frames(), v);
        assertEquals(0.3 * SPEC.re()[5], Masker.apply(SPEC, soft, MaskOptions.of(MaskMode.SOFT), TaskMonitor.none())
                .speech().re()[5], 1e-15);
        MaskedSpectrograms strict = Masker.apply(SPEC, soft, MaskOptions.of(MaskMode.STRICT), TaskMonitor.none());
        assertEquals(SPEC.re()[0], strict.speech().re()[0], 0);
        assertEquals(0, strict.speech().re()[5], 0);
        MaskedSpectrograms reduce = Masker.apply(SPEC, soft, MaskOptions.of(MaskMode.REDUCE), TaskMonitor.none());
        assertEquals(0.2 * SPEC.re()[5], reduce.speech().re()[5], 0);
    }

    @Test
    void rejectsMasksOfTheWrongShapeOrRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Masker.apply(SPEC,
                new LabelGrid(10, 10, new int[100]), MaskOptions.defaults(), TaskMonitor.none()));
        assertTrue(e.getMessage().contains("GridStretcher"), e.getMessage());
        double[] v = new double[SPEC.bins() * SPEC.frames()];
        v[7] = 1.5;
        assertThrows(IllegalArgumentException.class, () -> Masker.apply(SPEC,
                new TfMatrix(SPEC.bins(), SPEC.frames(), v), MaskOptions.of(MaskMode.SOFT), TaskMonitor.none()));
    }

    @Test
    void optionsValidateAndRoundTrip() {
        MaskOptions o = MaskOptions.of(MaskMode.REDUCE).withReduceFactor(0.1).withSoftThreshold(0.6);
        assertEquals(o, Json.read(Json.write(o), MaskOptions.class));
        assertEquals(0.2, MaskOptions.defaults().reduceFactor());
        assertTrue(assertThrows(InvalidParameterException.class, () -> o.withReduceFactor(1.5)).getMessage()
                .startsWith("reduceFactor"));
    }
}
