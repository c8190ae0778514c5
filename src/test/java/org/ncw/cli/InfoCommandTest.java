package org.ncw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.ncw.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfoCommandTest {
    @TempDir
    Path dir;

    /** Left: full-scale sine (peak 0 dBFS, RMS -3.01 dBFS); right: silence. One second at 8 kHz. */
    private Path stereoFile() throws IOException {
        float[][] ch = new float[2][8000];
        for (int i = 0; i < 8000; i++) {
            ch[0][i] = (float) Math.sin(2 * Math.PI * 1000 * i / 8000.0 + Math.PI / 2) * 0.5f;
        }
        return TestWavs.write(dir, "tone.wav", new AudioClip(ch, 8000, null));
    }

    @Test
    void describesAGoodFile() throws IOException {
        Path f = stereoFile();
        CliRun r = run("info", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith(f + "\n"), r.out());
        assertTrue(r.out().contains("  format    WAV, IEEE float, 32 bit\n"), r.out());
        assertTrue(r.out().contains("  rate      8000 Hz\n"), r.out());
        assertTrue(r.out().contains("  channels  2\n"), r.out());
        assertTrue(r.out().contains("  frames    8000\n"), r.out());
        assertTrue(r.out().contains("  duration  1.000 s\n"), r.out());
        // 0.5 amplitude: peak -6.02 dBFS, RMS -9.03 dBFS
        assertTrue(r.out().contains("  channel 0 peak -6.02 dBFS, RMS -9.03 dBFS\n"), r.out());
        assertTrue(r.out().contains("  channel 1 peak -inf dBFS, RMS -inf dBFS\n"), r.out());
    }

    @Test
    void jsonOutputIsMachineReadable() throws IOException {
        Path f = stereoFile();
        CliRun r = run("info", "--json", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode a = Json.mapper().readTree(r.out());
        assertEquals(1, a.size());
        JsonNode o = a.get(0);
        assertEquals(f.toString(), o.get("path").asText());
        assertEquals("FLOAT", o.get("encoding").asText());
        assertEquals(8000, o.get("sampleRate").asInt());
        assertEquals(2, o.get("channels").asInt());
        assertEquals(1.0, o.get("durationSeconds").asDouble(), 1e-12);
        assertEquals(-6.0206, o.get("levels").get(0).get("peakDbfs").asDouble(), 1e-3);
        assertEquals(-9.0309, o.get("levels").get(0).get("rmsDbfs").asDouble(), 1e-3);
        assertTrue(o.get("levels").get(1).get("rmsDbfs").isNull());
    }

    @Test
    void badFileGivesOneErrorLineAndExitCode1() throws IOException {
        Path good = stereoFile();
        Path bad = Files.writeString(dir.resolve("notes.wav"), "just text\n");
        CliRun r = run("info", bad.toString(), good.toString());
        assertEquals(1, r.code());
        assertEquals("ncw: error: " + bad + ": not a WAV, AIFF or AU audio file (looks like a text file)\n", r.err());
        assertTrue(r.out().startsWith(good.toString()), "the good file is still described");
    }

    @Test
    void missingArgumentIsAUsageError() {
        CliRun r = run("info");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ncw: error: Missing required parameter"), r.err());
    }
}
