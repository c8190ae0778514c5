package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dataset.Table3DFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.ncw.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrogramAndTableCommandTest {
    @TempDir
    Path dir;

    /** 1.5 s at 8 kHz: a 1 kHz tone (bin 128 of a 1024-point FFT) at half scale. */
    private Path toneFile() throws IOException {
        double[] x = new double[12000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * 1000 * i / 8000.0);
        }
        return TestWavs.write(dir, "tone.wav", new Signal(x, 8000));
    }

    @Test
    void spectrogramWritesAPngOfTheRequestedSize() throws IOException {
        Path in = toneFile();
        Path png = dir.resolve("tone.png");
        CliRun r = run("spectrogram", in.toString(), "--png", png.toString(), "--n-fft", "1024", "--hop", "256",
                "--width", "640", "--height", "320", "--log-freq");
        assertEquals(0, r.code(), r.err());
        // 12000 samples, centred: 1 + 12000 / 256 = 47 frames.
        assertEquals(png + ": 513 bins x 47 frames (n_fft 1024, hop 256, win 1024), 1.50 s at 8000 Hz, "
                + "-80.0 to 0.0 dB\n", r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(320, img.getHeight());
    }

    @Test
    void tableWritesEveryBinWithTheToneAtItsFrequency() throws IOException {
        Path in = toneFile();
        Path tsv = dir.resolve("tone.tsv");
        CliRun r = run("table", in.toString(), "--out", tsv.toString(), "--resolution", "custom", "--n-fft", "1024",
                "--hop", "512", "--intensity", "magnitude", "--centroid-distance");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(tsv + ": 12312 rows = 513 bins x 24 frames (n_fft 1024, hop 512, win 1024), "
                + "magnitude, spectral centroid "), r.out());
        Table3D t = Table3DFiles.read(tsv);
        assertEquals(Intensity.MAGNITUDE, t.matrix().intensity());
        assertEquals(513 * 24, t.rowCount()); // 1 + 12000 / 512 frames
        // Middle frame: the peak is bin 128 = 1000 Hz with magnitude A * N / 4 (periodic Hann).
        int frame = 12;
        int peak = 0;
        for (int k = 0; k < 513; k++) {
            if (t.matrix().values().get(k, frame) > t.matrix().values().get(peak, frame)) {
                peak = k;
            }
        }
        assertEquals(128, peak);
        assertEquals(1000.0, t.matrix().axes().frequencyHz(peak), 1e-9);
        assertEquals(0.5 * 1024 / 4, t.matrix().values().get(peak, frame), 1e-3);
        // A pure tone's spectral centroid is (nearly) the tone itself.
        assertTrue(t.centroidDistanceHz(frame * 513 + 128) < 30, "distance at the tone");

        Path csv = dir.resolve("low.csv");
        assertEquals(0, run("table", in.toString(), "--out", csv.toString()).code());
        Table3D low = Table3DFiles.read(csv);
        assertEquals(683, low.matrix().bins());
        assertEquals(1 + 12000 / 3600, low.matrix().frames());
        assertEquals(Intensity.DB, low.matrix().intensity());
    }

    @Test
    void refusesToOverwriteWithoutForceAndNeverOverwritesTheInput() throws IOException {
        Path in = toneFile();
        Path png = dir.resolve("out.png");
        Files.writeString(png, "keep me");
        CliRun r = run("spectrogram", in.toString(), "--png", png.toString());
        assertEquals(1, r.code());
        assertEquals("ncw: error: " + png + ": already exists (use --force to replace it)\n", r.err());
        assertEquals("keep me", Files.readString(png));
        assertEquals(0, run("spectrogram", in.toString(), "--png", png.toString(), "--force").code());
        assertFalse(Files.readString(png, java.nio.charset.StandardCharsets.ISO_8859_1).equals("keep me"));

        long size = Files.size(in);
        CliRun bad = run("spectrogram", in.toString(), "--png", in.toString(), "--force");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("refusing to overwrite input file"), bad.err());
        assertEquals(size, Files.size(in));
    }

    @Test
    void badOptionsGetOneLineErrors() throws IOException {
        Path in = toneFile();
        CliRun r = run("table", in.toString(), "--out", dir.resolve("x.tsv").toString(), "--hop", "64");
        assertEquals(2, r.code());
        assertEquals("ncw: error: --n-fft/--hop/--win need --resolution custom (got --resolution low)\n", r.err());
        r = run("table", in.toString(), "--out", dir.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("use a .tsv or .csv extension"), r.err());
        r = run("spectrogram", in.toString(), "--png", dir.resolve("y.png").toString(), "--top-db", "lots");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--top-db must be a number"), r.err());
        r = run("spectrogram", dir.resolve("missing.wav").toString(), "--png", dir.resolve("z.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("ncw: error: ") && r.err().contains("no such file"), r.err());
    }
}
