package org.ncw.engine.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    record Example(int n, double gamma) {
        Example {
            Checks.positive("n", n);
            Checks.positive("gamma", gamma);
        }
    }

    @Test
    void recordsRoundTrip() {
        Example e = new Example(3, 0.25);
        assertEquals(e, Json.read(Json.write(e), Example.class));
    }

    @Test
    void invalidValuesInJsonAreReportedByName() {
        InvalidParameterException ex = assertThrows(InvalidParameterException.class,
                () -> Json.read("{\"n\": 3, \"gamma\": -1}", Example.class));
        assertTrue(ex.getMessage().contains("gamma must be"), ex.getMessage());
    }

    @Test
    void malformedJsonIsReported() {
        assertThrows(InvalidParameterException.class, () -> Json.read("{\"n\": ", Example.class));
    }
}
