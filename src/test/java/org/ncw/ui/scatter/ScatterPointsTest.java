package org.ncw.ui.scatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Spectrum;
import org.ncw.ui.testing.TestRecordings;

class ScatterPointsTest {
    private static final Spectrum GRID = EngineBridge.displaySpectrum(TestRecordings.speechInNoise(0.5, 3)[1], 256, 10_000);

    @Test
    void labelsOfTheSameGridAreDrawn() {
        int[] all = new int[GRID.db().bins() * GRID.db().frames()];
        Arrays.fill(all, LabelGrid.SPEECH);
        ScatterPoints p = ScatterPoints.sample(GRID, new LabelGrid(GRID.db().bins(), GRID.db().frames(), all), 60, 500);
        assertTrue(p.count() > 0);
        for (int i = 0; i < p.count(); i++) {
            assertEquals(LabelGrid.SPEECH, p.labels()[i]);
        }
    }

    @Test
    void labelsOfAnotherGridAreIgnoredInsteadOfReadOutOfBounds() {
        // the crash seen in use: labels of a 2049-bin grid looked up on a bigger one (or the reverse)
        LabelGrid other = new LabelGrid(7, 3, new int[21]);
        ScatterPoints p = ScatterPoints.sample(GRID, other, 60, 500);
        assertTrue(p.count() > 0);
        for (int i = 0; i < p.count(); i++) {
            assertEquals(-1, p.labels()[i], "unlabelled, not someone else's label");
        }
    }
}
