package org.ncw.engine.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskMonitorTest {

    @Test
    void subMonitorsMapProgressOntoTheirSlice() {
        List<Double> seen = new ArrayList<>();
        TaskMonitor root = TaskMonitor.of((f, s) -> seen.add(f), new CancellationToken());
        TaskMonitor second = root.sub(0.5, 1.0).sub(0.5, 1.0);
        second.step(1, 2);
        second.done();
        assertEquals(List.of(0.875, 1.0), seen);
    }

    @Test
    void stepThrowsOnceCancelled() {
        CancellationToken token = new CancellationToken();
        TaskMonitor m = TaskMonitor.of(ProgressListener.NONE, token);
        m.step(1, 10);
        token.cancel();
        assertThrows(CancelledException.class, () -> m.step(2, 10));
    }

    @Test
    void sharedNoneTokenCannotBeCancelled() {
        assertThrows(IllegalStateException.class, () -> CancellationToken.none().cancel());
        assertTrue(!CancellationToken.none().isCancelled());
    }

    @Test
    void badSubRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TaskMonitor.none().sub(0.6, 0.4));
    }
}
