package org.ncw.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeViewportTest {
    @Test
    void zoomKeepsTheAnchorAtTheSameScreenPosition() {
        TimeViewport vp = new TimeViewport();
        vp.reset(10);
        double before = vp.timeToX(3, 1000);
        vp.zoom(0.5, 3);
        assertEquals(5, vp.span(), 1e-12);
        assertEquals(before, vp.timeToX(3, 1000), 1e-9);
        assertEquals(3, vp.xToTime(before, 1000), 1e-12);
    }

    @Test
    void panAndZoomStayInsideTheRecording() {
        TimeViewport vp = new TimeViewport();
        vp.reset(10);
        vp.zoom(0.2, 9.9);
        vp.pan(100);
        assertEquals(10, vp.end(), 1e-12);
        assertEquals(2, vp.span(), 1e-12);
        vp.pan(-100);
        assertEquals(0, vp.start(), 1e-12);
        vp.zoom(50, 5);
        assertEquals(0, vp.start(), 1e-12);
        assertEquals(10, vp.end(), 1e-12);
    }

    @Test
    void selectionIsOrderedAndClamped() {
        TimeViewport vp = new TimeViewport();
        vp.reset(4);
        vp.select(3.5, -1);
        assertTrue(vp.hasSelection());
        assertEquals(0, vp.selectionStartProperty().get());
        assertEquals(3.5, vp.selectionEndProperty().get());
        vp.reset(4);
        assertFalse(vp.hasSelection());
    }

    @Test
    void ticksAreNiceAndInsideTheRange() {
        assertEquals(java.util.List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), AxisTicks.ticks(0, 11.4, 6));
        assertEquals(0.05, AxisTicks.step(0.4, 8), 1e-12);
        assertEquals("2k", AxisTicks.hertz(2000));
        assertEquals("1.5k", AxisTicks.hertz(1500));
    }
}
