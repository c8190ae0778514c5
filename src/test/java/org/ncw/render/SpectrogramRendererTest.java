package org.ncw.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrogramRendererTest {
    @TempDir
    Path dir;

    /** A 2 kHz tone during the second half of a 2 s clip at 16 kHz, on faint noise. */
    static SpectrogramMatrix toneMatrix() {
        int sr = 16000;
        double[] x = new double[2 * sr];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e-3 * r.nextGaussian() + (i >= sr ? 0.5 * Math.sin(2 * Math.PI * 2000 * i / sr) : 0);
        }
        return Stft.forward(new Signal(x, sr), StftOptions.of(512, 128, 512))
                .toMatrix(Intensity.DB, DbScale.relativeToMax());
    }

    private static double luminance(int rgb) {
        return 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    @Test
    void theToneIsBrightWhereItSoundsAndDarkElsewhere() {
        SpectrogramMatrix m = toneMatrix();
        BufferedImage img = SpectrogramRenderer.render(m, RenderOptions.defaults().withSize(700, 400).withTitle("tone"));
        assertEquals(700, img.getWidth());
        assertEquals(400, img.getHeight());
        // Plot area: x from 74 to 700-96, y from 42 to 400-50; 2 kHz of 8 kHz is a quarter up from the bottom.
        int plotW = 700 - 74 - 96;
        int plotH = 400 - 42 - 50;
        int yTone = 42 + plotH - 1 - (int) Math.round(plotH * 2000 / 8000.0);
        int xLate = 74 + (int) (plotW * 0.75);
        int xEarly = 74 + (int) (plotW * 0.25);
        assertTrue(luminance(img.getRGB(xLate, yTone)) > 200, "tone pixel should be near the top of magma");
        assertTrue(luminance(img.getRGB(xEarly, yTone)) < 100, "silence before the tone should be dark");
    }

    @Test
    void overlayTintsSpeechBinsAndLogAxisRenders() throws IOException {
        SpectrogramMatrix m = toneMatrix();
        LabelGrid labels = new LabelGrid(m.bins(), m.frames(), new int[m.bins() * m.frames()]);
        for (int f = 0; f < m.frames() / 2; f++) {
            for (int k = 0; k < m.bins(); k++) {
                labels.set(k, f, LabelGrid.SPEECH);
            }
        }
        BufferedImage plain = SpectrogramRenderer.render(m, RenderOptions.defaults().withSize(600, 300));
        BufferedImage tinted = SpectrogramRenderer.render(m, labels, RenderOptions.defaults().withSize(600, 300));
        int x = 74 + 50;
        int y = 18 + 100;
        int before = plain.getRGB(x, y);
        int after = tinted.getRGB(x, y);
        assertTrue((after & 0xFF) > (before & 0xFF) && (after >> 8 & 0xFF) > (before >> 8 & 0xFF),
                "speech bins get a cyan tint");
        int xNoise = 74 + 400;
        assertEquals(plain.getRGB(xNoise, y), tinted.getRGB(xNoise, y), "noise bins are untouched");

        Path out = dir.resolve("log.png");
        SpectrogramRenderer.writePng(SpectrogramRenderer.render(m, labels,
                RenderOptions.defaults().withLogFrequency(true).withTitle("log")), out);
        BufferedImage back = ImageIO.read(out.toFile());
        assertEquals(1200, back.getWidth());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        assertThrows(IllegalArgumentException.class, () -> SpectrogramRenderer.render(m,
                new LabelGrid(2, 2, new int[4]), RenderOptions.defaults()));
    }

    @Test
    void optionsValidateAndRoundTripThroughJson() {
        RenderOptions o = RenderOptions.defaults().withSize(800, 300).withLogFrequency(true).withTitle("t")
                .withOverlayAlpha(0.3);
        assertEquals(o, org.ncw.engine.core.Json.read(org.ncw.engine.core.Json.write(o), RenderOptions.class));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> o.withSize(100, 300)).getMessage()
                .startsWith("width"));
    }

    @Test
    void ticksAreNiceNumbers() {
        assertEquals(1.0, SpectrogramRenderer.niceStep(11.4, 12), 1e-12);
        assertEquals(2000, SpectrogramRenderer.niceStep(11025, 6), 1e-9);
        assertEquals(10, SpectrogramRenderer.niceStep(80, 8), 1e-12);
        assertEquals("2k", SpectrogramRenderer.formatHz(2000));
        assertEquals("1.5k", SpectrogramRenderer.formatHz(1500));
        assertEquals("500", SpectrogramRenderer.formatHz(500));
    }
}
