package org.ncw.engine.workbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.io.FileProblemException;
import org.ncw.engine.io.OutputGuard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunHistoryTest {
    @TempDir
    Path dir;

    private static RunRecord record(String file, double siSdr) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("affinity", "knn");
        values.put("gamma", 0.5);
        WorkbenchOptions w = WorkbenchOptions.defaults().withDenoiser(WorkbenchOptions.defaults().denoiser()
                .withGainFloorDb(-18));
        return new RunRecord("abc", file, "s2", values, "cluster:column/matrix/strict", w, siSdr, 0.8, 1.5,
                0.01, 0.42, 7.3, 70, 12.5, Double.NaN, "summary", List.of("a warning"), "");
    }

    @Test
    void roundTripsThroughJsonWithNaNAndTheWholeExperiment() {
        RunRecord r = record("x.wav", Double.NaN);
        String line = r.toJson();
        assertTrue(!line.contains("\n"), "one line: " + line);
        RunRecord back = RunRecord.fromJson(line);
        assertEquals(r, back);
        assertEquals(-18, back.experiment().denoiser().gainFloorDb());
        assertTrue(Double.isNaN(back.siSdr()) && Double.isNaN(back.effectiveGamma()));
        assertEquals(List.of("affinity", "gamma"), List.copyOf(back.values().keySet()));
    }

    @Test
    void appendsReadsAndRepairsACutLine() throws IOException {
        RunHistory h = new RunHistory(dir.resolve("runs.jsonl"), OutputGuard.none());
        assertEquals(List.of(), h.read());
        h.append(record("a", 1));
        h.append(record("b", 2));
        assertEquals(List.of(record("a", 1), record("b", 2)), h.read());
        Files.writeString(h.file(), "{\"sweep\":\"abc\",\"fi", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(2, h.read().size());
        h.append(record("c", 3));
        assertEquals(List.of(record("a", 1), record("b", 2), record("c", 3)), h.read());
        // a broken line that is not the last is not an interruption: it is named
        Files.writeString(h.file(), "garbage\n" + Files.readString(h.file()));
        String message = assertThrows(InvalidParameterException.class, h::read).getMessage();
        assertTrue(message.contains("runs.jsonl") && message.contains("line 1"), message);
    }

    @Test
    void neverWritesOverAnInput() throws IOException {
        Path input = Files.writeString(dir.resolve("input.jsonl"), "keep");
        RunHistory h = new RunHistory(input, OutputGuard.protecting(input));
        assertThrows(FileProblemException.class, () -> h.append(record("a", 1)));
        assertEquals("keep", Files.readString(input));
    }
}
