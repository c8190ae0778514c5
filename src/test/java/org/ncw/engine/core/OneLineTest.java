package org.ncw.engine.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneLineTest {
    @Test
    void controlCharactersAreShownEscapedAndClassNamesCutToTheirSimpleName() {
        String jackson = "Could not resolve type id 'high\npass\u001b[2J' as a subtype of"
                + " `org.ncw.engine.production.ProductionStage`: known type ids = [gate, highpass]";
        String line = OneLine.of(jackson);
        assertEquals("Could not resolve type id 'high\\npass\\u001b[2J' as a subtype of 'ProductionStage': known type"
                + " ids = [gate, highpass]", line);
        assertEquals("gamma must be > 0, got -1.0", OneLine.of("gamma must be > 0, got -1.0"), "plain text unchanged");
        assertEquals("file 0.5 s.wav: ok", OneLine.of("file 0.5 s.wav: ok"), "decimals are not class names");
        assertEquals("/data/take.two.WAV: empty", OneLine.of("/data/take.two.WAV: empty"), "paths are not class names");
    }

    @Test
    void aHugeEchoIsShortened() {
        String line = OneLine.of("unknown value '" + "x".repeat(10_000) + "'");
        assertTrue(line.length() <= OneLine.MAX_CHARS + 2 && line.endsWith("…"), line.length() + " chars");
        assertFalse(new InvalidParameterException("bad\nvalue").getMessage().contains("\n"));
    }
}
