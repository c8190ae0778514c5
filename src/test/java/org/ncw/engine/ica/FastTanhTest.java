package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastTanhTest {
    @Test
    void agreesWithMathTanhTo3e8() {
        double worst = 0;
        for (double u = -30; u <= 30; u += 1e-4) {
            worst = Math.max(worst, Math.abs(FastTanh.tanh(u) - Math.tanh(u)));
        }
        assertTrue(worst < 3.1e-8, "max |error| = " + worst);
    }

    @Test
    void isOddAndSaturates() {
        assertEquals(0.0, FastTanh.tanh(0.0));
        assertEquals(-FastTanh.tanh(0.7), FastTanh.tanh(-0.7));
        assertEquals(1.0, FastTanh.tanh(1e300), 3.1e-8);
        assertEquals(-1.0, FastTanh.tanh(Double.NEGATIVE_INFINITY), 3.1e-8);
    }
}
