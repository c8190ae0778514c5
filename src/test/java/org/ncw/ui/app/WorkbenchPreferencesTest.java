package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkbenchPreferencesTest {
    private static final double[] SCREEN = {0, 0, 1600, 1000};

    @Test
    void aTinySavedWindowComesBackAtTheUsableMinimum() {
        // the size a window manager once stored after a collapsed launch
        double[] b = WorkbenchPreferences.fit(new double[] {40, 30, 198, 175}, SCREEN);
        assertArrayEquals(new double[] {40, 30, WorkbenchPreferences.MIN_WIDTH, WorkbenchPreferences.MIN_HEIGHT}, b);
    }

    @Test
    void aWindowOffScreenOrLargerThanTheScreenIsFittedIntoIt() {
        assertArrayEquals(new double[] {0, 0, 1600, 1000}, WorkbenchPreferences.fit(new double[] {-300, 50, 2400, 1400},
                SCREEN));
        assertArrayEquals(new double[] {400, 300, 1200, 700}, WorkbenchPreferences.fit(new double[] {3000, 900, 1200, 700},
                SCREEN));
    }

    @Test
    void sizeAndPositionRoundTripThroughThePreferences() {
        WorkbenchPreferences prefs = WorkbenchPreferences.scratch();
        try {
            assertEquals(WorkbenchPreferences.DEFAULT_WIDTH, prefs.windowBounds(SCREEN)[2]);
            assertTrue(Double.isNaN(prefs.windowBounds(SCREEN)[0]), "no position before the first save");
            prefs.saveWindowBounds(100, 80, 1300, 850);
            assertArrayEquals(new double[] {100, 80, 1300, 850}, prefs.windowBounds(SCREEN));
        } finally {
            prefs.clear();
        }
    }

    @Test
    void statusShowsStageElapsedAndTimeLeftWhileBusy() {
        assertEquals("cluster · 2.0 s · about 6 s left", RunTimes.text(true, "cluster", 2.0, 0.25));
        assertEquals("working · 0.1 s", RunTimes.text(true, "", 0.1, 0.01));
        assertEquals("last run 1.23 s", RunTimes.text(false, "cluster", 1.234, 1));
    }
}
