package org.ncw.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchRunnerTest {
    static class Counting implements BenchCase {
        int setUps;
        int runs;

        public String name() { return "counting"; }
        public String size() { return "1"; }
        public String group() { return "test"; }
        public void setUp() { setUps++; }
        public Object run() { return ++runs; }
    }

    @Test
    void warmsUpThenTimesTheRequestedRuns() {
        Counting c = new Counting();
        BenchResult r = new BenchRunner(2, 0, 3).run(c, s -> { });
        assertEquals(1, c.setUps);
        assertEquals(5, c.runs);
        assertEquals(3, r.runs());
        assertTrue(r.minSeconds() <= r.medianSeconds() && r.medianSeconds() <= r.maxSeconds());
    }

    @Test
    void aFailingCaseIsReportedNotThrown() {
        BenchCase failing = new Counting() {
            @Override
            public Object run() {
                throw new IllegalStateException("no data");
            }
        };
        BenchResult r = new BenchRunner(0, 0, 1).run(failing, s -> { });
        assertNotNull(r.error());
        assertEquals("no data", r.error());
    }
}
