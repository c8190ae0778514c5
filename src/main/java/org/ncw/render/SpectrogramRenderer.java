package org.ncw.render;

import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.TfAxes;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a spectrogram (usually in dB) as a heatmap with the magma colour map, a time axis in seconds, a frequency
 * axis in Hz (linear or logarithmic), a colour legend and an optional translucent tint over bins a
 * {@link LabelGrid} marks as speech. Headless: AWT images only, no display needed.
 *
 * <p>When the image has fewer pixels than the grid has frames or bins, each pixel shows the maximum of the bins it
 * covers, so short loud events do not vanish.
 */
public final class SpectrogramRenderer {
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color AXIS = new Color(0x55, 0x55, 0x55);
    private static final Color SPEECH_TINT = new Color(0x00, 0xE5, 0xFF);
    private static final int LEFT = 74;
    private static final int RIGHT = 96;
    private static final int BOTTOM = 50;
    private static final int TICK = 5;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SpectrogramRenderer() {
    }

    public static BufferedImage render(SpectrogramMatrix matrix, RenderOptions options) {
        return render(matrix, null, options);
    }

    /** @param speechOverlay labels on the matrix's grid, or null for none */
    public static BufferedImage render(SpectrogramMatrix matrix, LabelGrid speechOverlay, RenderOptions options) {
        if (speechOverlay != null && (speechOverlay.bins() != matrix.bins() || speechOverlay.frames() != matrix.frames())) {
            throw new IllegalArgumentException("overlay is " + speechOverlay.bins() + " x " + speechOverlay.frames()
                    + " but the spectrogram is " + matrix.bins() + " x " + matrix.frames());
        }
        if (options.logFrequency() && matrix.bins() < 3) {
            throw new IllegalArgumentException("a logarithmic frequency axis needs at least 3 bins");
        }
        int top = options.title().isEmpty() ? 18 : 42;
        int plotW = options.width() - LEFT - RIGHT;
        int plotH = options.height() - top - BOTTOM;
        BufferedImage img = new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, options.width(), options.height());

            double lo = matrix.values().min();
            double hi = matrix.values().max();
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            FrequencyScale freq = new FrequencyScale(matrix.axes(), options.logFrequency());
            drawHeatmap(img, matrix, speechOverlay, options.overlayAlpha(), freq, LEFT, top, plotW, plotH, lo, hi);

            g.setColor(AXIS);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT - 1, top - 1, plotW + 1, plotH + 1);
            Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            drawTimeAxis(g, matrix.axes(), LEFT, top + plotH, plotW, tickFont, labelFont);
            drawFrequencyAxis(g, freq, LEFT, top, plotH, tickFont, labelFont);
            drawLegend(g, matrix.intensity(), LEFT + plotW + 14, top, plotH, lo, hi, tickFont);
            if (!options.title().isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
                g.setColor(INK);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(options.title(), LEFT + (plotW - fm.stringWidth(options.title())) / 2, 26);
            }
            if (speechOverlay != null) {
                g.setFont(tickFont);
                int x = LEFT + plotW - 70;
                int y = options.title().isEmpty() ? 13 : 30;
                g.setColor(SPEECH_TINT);
                g.fillRect(x, y - 9, 10, 10);
                g.setColor(INK);
                g.drawString("speech", x + 15, y);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes a PNG (replacing an existing file) through a temporary file and a move. */
    public static void writePng(BufferedImage image, Path out) throws IOException {
        writePng(image, out, WriteMode.OVERWRITE, OutputGuard.none());
    }

    /** Writes a PNG atomically; never over a file {@code guard} protects, over an existing one only if OVERWRITE. */
    public static void writePng(BufferedImage image, Path out, WriteMode mode, OutputGuard guard) throws IOException {
        AtomicFileWriter.write(out, mode, guard, png(image));
    }

    /** An image as PNG bytes, e.g. for one file of an {@link org.ncw.engine.io.OutputSet}. */
    public static AtomicFileWriter.Content png(BufferedImage image) {
        return stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
        };
    }

    private static void drawHeatmap(BufferedImage img, SpectrogramMatrix m, LabelGrid overlay, double alpha,
                                    FrequencyScale freq, int x0, int y0, int w, int h, double lo, double hi) {
        int[][] cols = new int[w][];
        for (int x = 0; x < w; x++) {
            cols[x] = cover(-0.5 + x * (double) m.frames() / w, -0.5 + (x + 1) * (double) m.frames() / w, m.frames());
        }
        int[][] rows = new int[h][];
        for (int r = 0; r < h; r++) {
            rows[r] = cover(freq.binPosition(r / (double) h), freq.binPosition((r + 1) / (double) h), m.bins());
        }
        double[] v = m.values().values();
        int bins = m.bins();
        int tr = SPEECH_TINT.getRed();
        int tg = SPEECH_TINT.getGreen();
        int tb = SPEECH_TINT.getBlue();
        for (int x = 0; x < w; x++) {
            for (int r = 0; r < h; r++) {
                double max = Double.NEGATIVE_INFINITY;
                int speech = 0;
                int count = 0;
                for (int f = cols[x][0]; f < cols[x][1]; f++) {
                    for (int k = rows[r][0]; k < rows[r][1]; k++) {
                        max = Math.max(max, v[f * bins + k]);
                        if (overlay != null) {
                            speech += overlay.labels()[f * bins + k] == LabelGrid.SPEECH ? 1 : 0;
                            count++;
                        }
                    }
                }
                int rgb = ColorMap.MAGMA.rgb((max - lo) / (hi - lo));
                if (overlay != null && 2 * speech >= count) {
                    int red = (int) Math.round((1 - alpha) * (rgb >> 16 & 0xFF) + alpha * tr);
                    int green = (int) Math.round((1 - alpha) * (rgb >> 8 & 0xFF) + alpha * tg);
                    int blue = (int) Math.round((1 - alpha) * (rgb & 0xFF) + alpha * tb);
                    rgb = red << 16 | green << 8 | blue;
                }
                img.setRGB(x0 + x, y0 + h - 1 - r, rgb);
            }
        }
    }

    /** The cells [from, to) whose centres lie in the index interval [lo, hi); the nearest cell if none does. */
    private static int[] cover(double lo, double hi, int n) {
        int from = (int) Math.ceil(lo);
        int to = (int) Math.ceil(hi);
        if (to <= from) {
            from = (int) Math.round((lo + hi) / 2);
            to = from + 1;
        }
        from = Math.max(0, Math.min(n - 1, from));
        to = Math.max(from + 1, Math.min(n, to));
        return new int[] {from, to};
    }

    private static void drawTimeAxis(Graphics2D g, TfAxes axes, int x0, int yAxis, int w, Font tickFont, Font labelFont) {
        int n = axes.frames();
        double dt = n > 1 ? (axes.timeSeconds(n - 1) - axes.timeSeconds(0)) / (n - 1) : 1;
        double tLo = axes.timeSeconds(0) - dt / 2;
        double tHi = axes.timeSeconds(n - 1) + dt / 2;
        double step = niceStep(tHi - tLo, Math.max(2, w / 90));
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        for (double t = Math.ceil(tLo / step) * step; t <= tHi + 1e-9 * step; t += step) {
            int x = x0 + (int) Math.round((t - tLo) / (tHi - tLo) * w);
            g.setColor(AXIS);
            g.drawLine(x, yAxis + 1, x, yAxis + 1 + TICK);
            String label = formatNumber(Math.abs(t) < step * 1e-6 ? 0 : t, step);
            g.setColor(INK);
            g.drawString(label, x - fm.stringWidth(label) / 2, yAxis + TICK + 3 + fm.getAscent());
        }
        g.setFont(labelFont);
        fm = g.getFontMetrics();
        String title = "Time (s)";
        g.drawString(title, x0 + (w - fm.stringWidth(title)) / 2, yAxis + BOTTOM - 8);
    }

    private static void drawFrequencyAxis(Graphics2D g, FrequencyScale freq, int xAxis, int y0, int h,
                                          Font tickFont, Font labelFont) {
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        for (double hz : freq.ticks(Math.max(2, h / 60))) {
            int y = y0 + h - (int) Math.round(freq.fraction(hz) * h);
            g.setColor(AXIS);
            g.drawLine(xAxis - 1 - TICK, y, xAxis - 2, y);
            String label = formatHz(hz);
            g.setColor(INK);
            g.drawString(label, xAxis - TICK - 5 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setFont(labelFont);
        fm = g.getFontMetrics();
        String title = "Frequency (Hz)";
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(title, -(y0 + (h + fm.stringWidth(title)) / 2), 18);
        g.setTransform(saved);
    }

    private static void drawLegend(Graphics2D g, Intensity intensity, int x, int y0, int h, double lo, double hi,
                                   Font tickFont) {
        int barW = 16;
        for (int r = 0; r < h; r++) {
            g.setColor(new Color(ColorMap.MAGMA.rgb(r / (double) (h - 1))));
            g.drawLine(x, y0 + h - 1 - r, x + barW - 1, y0 + h - 1 - r);
        }
        g.setColor(AXIS);
        g.drawRect(x - 1, y0 - 1, barW + 1, h + 1);
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        double step = niceStep(hi - lo, Math.max(2, h / 50));
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
            int y = y0 + h - 1 - (int) Math.round((v - lo) / (hi - lo) * (h - 1));
            g.setColor(AXIS);
            g.drawLine(x + barW + 1, y, x + barW + 4, y);
            g.setColor(INK);
            g.drawString(formatNumber(Math.abs(v) < step * 1e-6 ? 0 : v, step), x + barW + 7, y + fm.getAscent() / 2 - 1);
        }
        String unit = intensity == Intensity.DB ? "dB" : intensity.columnName();
        g.setColor(INK);
        g.drawString(unit, x, y0 - 5);
    }

    /** 1, 2 or 5 times a power of ten, giving about {@code count} steps over {@code range}. */
    static double niceStep(double range, int count) {
        double raw = range / count;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    private static String formatNumber(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String formatHz(double hz) {
        if (hz >= 1000 && Math.abs(hz / 1000 - Math.rint(hz / 1000)) < 1e-9) {
            return String.format(Locale.ROOT, "%dk", Math.round(hz / 1000));
        }
        if (hz >= 1000) {
            return String.format(Locale.ROOT, "%.1fk", hz / 1000);
        }
        return String.format(Locale.ROOT, "%d", Math.round(hz));
    }

    /** Vertical position (fraction 0 = bottom .. 1 = top) of frequencies, linear or logarithmic. */
    private static final class FrequencyScale {
        private final TfAxes axes;
        private final boolean log;
        private final double fLo;
        private final double fHi;

        FrequencyScale(TfAxes axes, boolean log) {
            this.axes = axes;
            this.log = log;
            int n = axes.bins();
            if (log) {
                fLo = axes.frequencyHz(1);
                fHi = axes.frequencyHz(n - 1);
            } else {
                double df = n > 1 ? (axes.frequencyHz(n - 1) - axes.frequencyHz(0)) / (n - 1) : 1;
                fLo = axes.frequencyHz(0) - df / 2;
                fHi = axes.frequencyHz(n - 1) + df / 2;
            }
        }

        double hzAt(double fraction) {
            return log ? fLo * Math.pow(fHi / fLo, fraction) : fLo + fraction * (fHi - fLo);
        }

        double fraction(double hz) {
            return log ? Math.log(hz / fLo) / Math.log(fHi / fLo) : (hz - fLo) / (fHi - fLo);
        }

        /** Fractional bin index of a vertical position; bin centres at integers. */
        double binPosition(double fraction) {
            double hz = hzAt(fraction);
            if (!log) {
                int n = axes.bins();
                return -0.5 + (hz - fLo) / (fHi - fLo) * n;
            }
            return axes.binPosition(hz);
        }

        List<Double> ticks(int count) {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double decade = Math.pow(10, Math.floor(Math.log10(fLo))); decade <= fHi; decade *= 10) {
                    for (double m : new double[] {1, 2, 5}) {
                        double hz = m * decade;
                        if (hz >= fLo && hz <= fHi) {
                            ticks.add(hz);
                        }
                    }
                }
                return ticks;
            }
            double step = niceStep(fHi - fLo, count);
            for (double hz = Math.ceil(Math.max(0, fLo) / step) * step; hz <= fHi; hz += step) {
                ticks.add(hz);
            }
            return ticks;
        }
    }
}
