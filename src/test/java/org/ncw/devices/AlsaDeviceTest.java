package org.ncw.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;
import org.ncw.ui.playback.LevelMatch;

/**
 * Real devices: ALSA's {@code file} plugin stands in for the sound card (playback writes its samples to a raw file,
 * capture reads them from one), so what the app plays and records is checked sample for sample. Each case runs in
 * a child JVM whose HOME holds the .asoundrc ({@link AlsaDeviceChild}). Skipped where there is no ALSA (libasound
 * and its configuration) or Java Sound does not list the device.
 */
class AlsaDeviceTest {
    private static final int RATE = 16000;

    @BeforeAll
    static void alsaPresent() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "ALSA device tests run on Linux");
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/alsa/alsa.conf")), "no ALSA configuration");
        assumeTrue(libasound(), "no libasound.so.2");
        assumeTrue(Files.isRegularFile(Path.of("samples/speech-babble-16k.noisy.wav")), "no samples folder");
    }

    private static boolean libasound() {
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
                "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64"}) {
            if (Files.exists(Path.of(dir, "libasound.so.2"))) {
                return true;
            }
        }
        return false;
    }

    /** Writes the .asoundrc: default playback to out.raw, default capture from in.raw (its copy to tee.raw). */
    private static Path home(Path dir, String playbackFile, String captureFile) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        String d = dir.toAbsolutePath().toString();
        Files.writeString(home.resolve(".asoundrc"), String.join("\n",
                "pcm.ncwout { type file slave.pcm \"null\" file \"" + d + "/" + playbackFile + "\" format \"raw\" }",
                "pcm.ncwin { type file slave.pcm \"null\" file \"" + d + "/tee.raw\" infile \"" + d
                        + "/in.raw\" format \"raw\" }",
                "pcm.!default { type asym playback.pcm \"ncwout\" capture.pcm \"ncwin\" }", ""));
        return home;
    }

    private static List<String> child(Path dir, String scenario) throws Exception {
        return child(dir, scenario, "out.raw");
    }

    private static List<String> child(Path dir, String scenario, String playbackFile) throws Exception {
        return child(dir, scenario, playbackFile, "in.raw");
    }

    private static List<String> child(Path dir, String scenario, String playbackFile, String captureFile)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", AlsaDeviceChild.class.getName(), scenario, dir.toString(), captureFile);
        pb.environment().put("HOME", home(dir, playbackFile, captureFile).toString());
        pb.environment().remove("ALSA_CONFIG_PATH");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child timed out");
        assumeTrue(!String.join("\n", lines).contains("No audio output device"),
                "Java Sound lists no ALSA device here: " + lines);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        System.out.println(scenario + ": " + lines);
        return lines;
    }

    private static void fifo(Path p) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    }

    private static short[] raw(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }

    /** The 16-bit conversion of the player and the live output line: round(clamp(x * gain) * 32767). */
    private static short q(double x) {
        return (short) Math.round(Math.max(-1, Math.min(1, x)) * 32767);
    }

    @Test
    void thePlayerPlaysTheSelectedResultWithItsLevelMatchingGainSampleForSample(@TempDir Path dir) throws Exception {
        child(dir, "player");
        Signal x = AlsaDeviceChild.original();
        Signal r = AlsaDeviceChild.result(x);
        double g = LevelMatch.gain(r, x);
        assertTrue(g > 1.01, "a gain that matters: " + g);
        System.out.println("level-match gain " + g);
        short[] out = raw(dir.resolve("out.raw"));
        assertEquals(x.length(), out.length, "every sample played once");
        for (int t = 0; t < out.length; t++) {
            assertEquals(q(r.samples()[t] * g), out[t], "sample " + t);
        }
    }

    @Test
    void theAbSwitchDuringPlaybackKeepsThePosition(@TempDir Path dir) throws Exception {
        fifo(dir.resolve("out.fifo"));
        List<String> lines = child(dir, "ab", "out.fifo");
        long heard = Long.parseLong(lines.stream().filter(l -> l.startsWith("heard=")).findFirst().orElseThrow()
                .substring(6));
        long heardAfter = Long.parseLong(lines.stream().filter(l -> l.startsWith("heardAfter=")).findFirst()
                .orElseThrow().substring(11));
        Signal x = AlsaDeviceChild.original(AlsaDeviceChild.AB_SECONDS);
        Signal r = AlsaDeviceChild.result(x);
        double g = LevelMatch.gain(r, x);
        short[] out = raw(dir.resolve("out.raw"));
        assertEquals(x.length(), out.length, "no sample repeated or skipped");
        // the switch is at a chunk boundary k: A's samples 0..k-1, then B's from k on (the position continues)
        List<Integer> fits = new ArrayList<>();
        for (int k = 0; k < out.length; k += 1024) {
            boolean ok = true;
            for (int t = 0; t < out.length && ok; t++) {
                ok = out[t] == (t < k ? q(x.samples()[t]) : q(r.samples()[t] * g));
            }
            if (ok) {
                fits.add(k);
            }
        }
        assertEquals(1, fits.size(), "exactly one switch point: " + fits);
        int k = fits.get(0);
        // the heard position was `heard` just before the switch and `heardAfter` just after; the player writes at
        // most its line buffer (3200 samples) ahead of what is heard, and switches at its next 1024-sample chunk
        assertTrue(k >= heard && k <= heardAfter + 3200 + 2 * 1024,
                "switch at " + k + ", heard " + heard + " .. " + heardAfter);
        assertTrue(k > 0 && k < out.length, "the switch happened during playback: " + k);
    }

    @Test
    void liveModeOutputIsTheStreamingDenoiserOfTheCapturedInputDelayedByItsLatency(@TempDir Path dir)
            throws Exception {
        Signal x = AlsaDeviceChild.original();
        writeInput(x, dir);
        List<String> lines = child(dir, "live");
        check(x, dir, lines);
    }

    private static void writeInput(Signal x, Path dir) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(2 * x.length()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : x.samples()) {
            in.putShort((short) Math.round(v * 32768)); // the bundled sample is 16-bit: exact
        }
        Files.write(dir.resolve("in.raw"), in.array());
    }

    private static void check(Signal x, Path dir, List<String> lines) throws IOException {
        short[] out = raw(dir.resolve("out.raw"));
        assertTrue(out.length >= x.length(), "played " + out.length + " of " + x.length());
        double[] y = AlsaDeviceChild.result(x).samples();
        int latency = org.ncw.engine.stream.StreamingDenoiserOptions.defaults().latencySamples(x.sampleRate());
        for (int t = 0; t < x.length(); t++) {
            short want = t < latency ? 0 : q(y[t - latency]);
            assertEquals(want, out[t], "sample " + t);
        }
        String stats = lines.stream().filter(l -> l.startsWith("stats")).findFirst().orElseThrow();
        assertTrue(stats.contains("samples=" + x.length()), stats);
    }
}
