package org.ncw.render;

import org.ncw.engine.evaluation.QualityBenchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** PNG bar chart of a quality benchmark: mean delta SI-SDR and mean delta STOI per method, side by side. */
public final class QualityChart {
    private static final int PANEL_W = 520;
    private static final int ROW_H = 26;
    private static final int LABEL_W = 230;
    private static final int TOP = 50;

    private QualityChart() {
    }

    public static void write(List<QualityBenchmark.Summary> overall, String title, Path file) throws IOException {
        write(overall, title, file, org.ncw.engine.io.WriteMode.OVERWRITE, org.ncw.engine.io.OutputGuard.none());
    }

    /** Writes the chart atomically (as {@link SpectrogramRenderer#writePng}). */
    public static void write(List<QualityBenchmark.Summary> overall, String title, Path file,
                             org.ncw.engine.io.WriteMode mode, org.ncw.engine.io.OutputGuard guard)
            throws IOException {
        SpectrogramRenderer.writePng(render(overall, title), file, mode, guard);
    }

    /** A white, antialiased canvas over the whole image with the chart's title drawn; the caller disposes it. */
    static Graphics2D titled(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 22);
        return g;
    }

    /** The chart as an image. */
    public static BufferedImage render(List<QualityBenchmark.Summary> overall, String title) {
        int rows = overall.size();
        int width = LABEL_W + 2 * PANEL_W + 40;
        int height = TOP + rows * ROW_H + 50;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = QualityChart.titled(img, title);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < rows; i++) {
            g.drawString(overall.get(i).method(), 10, TOP + i * ROW_H + 17);
        }
        double[] si = overall.stream().mapToDouble(QualityBenchmark.Summary::deltaSiSdr).toArray();
        double[] st = overall.stream().mapToDouble(QualityBenchmark.Summary::deltaStoi).toArray();
        panel(g, LABEL_W, "mean \u0394SI-SDR (dB)", si, "%+.2f", new Color(0x3B6FB6));
        panel(g, LABEL_W + PANEL_W + 20, "mean \u0394STOI", st, "%+.3f", new Color(0xD0782A));
        g.dispose();
        return img;
    }

    private static void panel(Graphics2D g, int x0, String title, double[] values, String format, Color color) {
        double min = 0;
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double span = Math.max(1e-9, max - min);
        int plotW = PANEL_W - 80;
        int zeroX = x0 + 10 + (int) Math.round((0 - min) / span * plotW);
        g.setColor(Color.BLACK);
        g.drawString(title, x0 + 10, TOP - 10);
        for (int i = 0; i < values.length; i++) {
            double v = Double.isFinite(values[i]) ? values[i] : 0;
            int y = TOP + i * ROW_H + 4;
            int end = x0 + 10 + (int) Math.round((v - min) / span * plotW);
            g.setColor(color);
            g.fillRect(Math.min(zeroX, end), y, Math.max(1, Math.abs(end - zeroX)), ROW_H - 8);
            g.setColor(Color.DARK_GRAY);
            String label = Double.isFinite(values[i]) ? String.format(Locale.ROOT, format, values[i]) : "failed";
            int width = g.getFontMetrics().stringWidth(label);
            int x = v >= 0 ? Math.max(end, zeroX) + 4 : Math.min(end, zeroX) - 4 - width;
            g.drawString(label, Math.max(x0 + 2, x), y + 13);
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(zeroX, TOP - 2, zeroX, TOP + values.length * ROW_H);
    }
}
