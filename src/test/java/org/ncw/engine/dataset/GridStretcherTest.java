package org.ncw.engine.dataset;

import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.TfAxes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GridStretcherTest {

    private static LabelGrid grid(int bins, int frames, int... labels) {
        return new LabelGrid(bins, frames, labels);
    }

    @Test
    void identityStretchKeepsEverything() {
        TfAxes axes = TfAxes.uniform(3, 4, 0, 0.5, 100);
        LabelGrid g = grid(3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertArrayEquals(g.labels(), GridStretcher.stretch(g, axes, axes).labels());
        TfMatrix m = new TfMatrix(3, 4, new double[] {0, .1, .2, .3, .4, .5, .6, .7, .8, .9, 1, .05});
        assertArrayEquals(m.values(), GridStretcher.stretch(m, axes, axes).values(), 0);
    }

    @Test
    void twiceAsFineInTimeAndFrequency() {
        // Source: 2 bins (0, 100 Hz) x 2 frames (0, 1 s); target: 3 bins (0, 50, 100) x 3 frames (0, .5, 1).
        TfAxes from = TfAxes.uniform(2, 2, 0, 1, 100);
        TfAxes to = TfAxes.uniform(3, 3, 0, 0.5, 50);
        TfMatrix soft = new TfMatrix(2, 2, new double[] {0, 1, 1, 0});
        TfMatrix s = GridStretcher.stretch(soft, from, to);
        assertEquals(3, s.bins());
        assertEquals(3, s.frames());
        assertArrayEquals(new double[] {0, .5, 1, .5, .5, .5, 1, .5, 0}, s.values(), 1e-12);
        LabelGrid hard = GridStretcher.stretch(grid(2, 2, 0, 1, 1, 0), from, to);
        // Midpoints round up to the later frame / higher bin.
        assertArrayEquals(new int[] {0, 1, 1, 1, 0, 0, 1, 0, 0}, hard.labels());
    }

    @Test
    void nonIntegerRatiosAndOutOfRangeTargetsClampToEdges() {
        TfAxes from = TfAxes.uniform(3, 3, 0, 1.0, 10);    // 0,1,2 s; 0,10,20 Hz
        TfAxes to = TfAxes.uniform(4, 5, -0.5, 0.7, 7.5);  // -0.5 .. 2.3 s; 0 .. 22.5 Hz
        int[] labels = new int[9];
        for (int i = 0; i < 9; i++) {
            labels[i] = i; // label = frame * 3 + bin, so every lookup is identifiable
        }
        LabelGrid out = GridStretcher.stretch(grid(3, 3, labels), from, to);
        int[] expectFrame = {0, 0, 1, 2, 2};   // -0.5 -> clamp, 0.2 -> 0, 0.9 -> 1, 1.6 -> 2, 2.3 -> clamp
        int[] expectBin = {0, 1, 2, 2};        // 0, 7.5 -> .75 -> 1, 15 -> 1.5 -> 2, 22.5 -> clamp
        for (int f = 0; f < 5; f++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(expectFrame[f] * 3 + expectBin[k], out.get(k, f), "frame " + f + " bin " + k);
            }
        }
        TfMatrix values = new TfMatrix(3, 3, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        TfMatrix bilinear = GridStretcher.stretch(values, from, to);
        // value = 3 * framePos + binPos, exactly linear, so bilinear reproduces it inside the grid.
        assertEquals(3 * 0.9 + 0.75, bilinear.get(1, 2), 1e-12);
        assertEquals(3 * 2 + 2, bilinear.get(3, 4), 1e-12);
        assertEquals(0, bilinear.get(0, 0), 1e-12);
    }

    @Test
    void rejectsAxesThatDoNotDescribeTheSource() {
        TfAxes axes = TfAxes.uniform(3, 3, 0, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GridStretcher.stretch(new LabelGrid(2, 3, new int[6]), axes, axes));
        assertThrows(IllegalArgumentException.class, () -> new TfAxes(new double[] {0, 0}, new double[] {1}));
    }
}
