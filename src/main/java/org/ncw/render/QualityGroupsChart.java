package org.ncw.render;

import org.ncw.engine.evaluation.QualityGroups;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * PNG of a quality benchmark's groups: for each noise category and each SNR, one bar per method of the mean
 * ΔSI-SDR, ΔSTOI and ΔESTOI (three panels side by side). Our methods are coloured, the reference peers grey and
 * labelled "[ref]"; a missing value (a peer without ESTOI) has no bar.
 */
public final class QualityGroupsChart {
    private static final int PANEL_W = 330;
    private static final int BAR_H = 11;
    private static final int GROUP_GAP = 16;
    private static final int LABEL_W = 120;
    private static final int TOP = 60;
    private static final Color[] OURS = {new Color(0x3B6FB6), new Color(0xD0782A), new Color(0x3A9A5B),
        new Color(0x9B4DB0), new Color(0xC0392B), new Color(0x17A2B8)};
    private static final Color[] PEERS = {new Color(0x555555), new Color(0x777777), new Color(0x999999),
        new Color(0xB0B0B0)};

    private QualityGroupsChart() {
    }

    /** The chart of the "category" and "snr" groups (the overall means are in the benchmark's own chart). */
    public static BufferedImage render(List<QualityGroups.Mean> means, String title) {
        Map<String, List<QualityGroups.Mean>> groups = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        for (QualityGroups.Mean m : means) {
            if (m.kind().equals("all")) {
                continue;
            }
            String label = (m.kind().equals("snr") ? "SNR " : "") + m.group();
            groups.computeIfAbsent(label, g -> new ArrayList<>()).add(m);
            String name = name(m);
            if (!methods.contains(name)) {
                methods.add(name);
            }
        }
        int bars = groups.values().stream().mapToInt(List::size).sum();
        int legendRows = (methods.size() + 3) / 4;
        int width = LABEL_W + 3 * PANEL_W + 40;
        int height = TOP + legendRows * 16 + bars * BAR_H + groups.size() * GROUP_GAP + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = QualityChart.titled(img, title);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int legendTop = 34;
        for (int i = 0; i < methods.size(); i++) {
            int x = 10 + (i % 4) * ((width - 20) / 4);
            int y = legendTop + (i / 4) * 16;
            g.setColor(color(methods.get(i), methods));
            g.fillRect(x, y, 12, 10);
            g.setColor(Color.BLACK);
            g.drawString(methods.get(i), x + 16, y + 10);
        }
        int top = TOP + legendRows * 16;
        drawLabels(g, groups, top);
        panel(g, LABEL_W, top, "mean \u0394SI-SDR (dB)", "%+.1f", groups, methods, QualityGroups.Mean::deltaSiSdr);
        panel(g, LABEL_W + PANEL_W + 10, top, "mean \u0394STOI", "%+.3f", groups, methods,
                QualityGroups.Mean::deltaStoi);
        panel(g, LABEL_W + 2 * PANEL_W + 20, top, "mean \u0394ESTOI", "%+.3f", groups, methods,
                QualityGroups.Mean::deltaEstoi);
        g.dispose();
        return img;
    }

    private static String name(QualityGroups.Mean m) {
        return m.reference() ? "[ref] " + m.method() : m.method();
    }

    private static Color color(String name, List<String> methods) {
        int ours = 0;
        int peers = 0;
        for (String m : methods) {
            boolean peer = m.startsWith("[ref] ");
            if (m.equals(name)) {
                return peer ? PEERS[peers % PEERS.length] : OURS[ours % OURS.length];
            }
            if (peer) {
                peers++;
            } else {
                ours++;
            }
        }
        return Color.GRAY;
    }

    private static void drawLabels(Graphics2D g, Map<String, List<QualityGroups.Mean>> groups, int top) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        int y = top;
        for (Map.Entry<String, List<QualityGroups.Mean>> e : groups.entrySet()) {
            int h = e.getValue().size() * BAR_H;
            g.drawString(e.getKey(), 10, y + h / 2 + 5);
            y += h + GROUP_GAP;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    }

    private static void panel(Graphics2D g, int x0, int top, String title, String format,
                              Map<String, List<QualityGroups.Mean>> groups, List<String> methods,
                              ToDoubleFunction<QualityGroups.Mean> value) {
        double min = 0;
        double max = 0;
        for (List<QualityGroups.Mean> ms : groups.values()) {
            for (QualityGroups.Mean m : ms) {
                double v = value.applyAsDouble(m);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double span = Math.max(1e-9, max - min);
        int plotW = PANEL_W - 60;
        int zeroX = x0 + 30 + (int) Math.round((0 - min) / span * plotW);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, x0 + 10, top - 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        int y = top;
        for (List<QualityGroups.Mean> ms : groups.values()) {
            for (QualityGroups.Mean m : ms) {
                double v = value.applyAsDouble(m);
                if (Double.isFinite(v)) {
                    int end = x0 + 30 + (int) Math.round((v - min) / span * plotW);
                    g.setColor(color(name(m), methods));
                    g.fillRect(Math.min(zeroX, end), y + 1, Math.max(1, Math.abs(end - zeroX)), BAR_H - 2);
                    g.setColor(Color.DARK_GRAY);
                    String label = String.format(Locale.ROOT, format, v);
                    int w = g.getFontMetrics().stringWidth(label);
                    int x = v >= 0 ? Math.max(end, zeroX) + 3 : Math.min(end, zeroX) - 3 - w;
                    g.drawString(label, Math.max(x0, x), y + BAR_H - 2);
                }
                y += BAR_H;
            }
            y += GROUP_GAP;
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(zeroX, top - 2, zeroX, y - GROUP_GAP);
    }
}
