package org.ncw.render;

/**
 * A perceptually uniform colour map as a 256-entry RGB lookup table. {@link #MAGMA} interpolates 33 anchors of
 * matplotlib's magma (van der Walt &amp; Smith, CC0) linearly; the difference to the full table is below one 8-bit
 * step in practice.
 */
public final class ColorMap {
    private static final double[][] MAGMA_ANCHORS = {
            {0, 0.001462, 0.000466, 0.013866}, {8, 0.013708, 0.011771, 0.068667},
            {16, 0.039608, 0.031090, 0.133515}, {24, 0.074257, 0.052017, 0.202660},
            {32, 0.113094, 0.065492, 0.276784}, {40, 0.159018, 0.068354, 0.352688},
            {48, 0.211718, 0.061992, 0.418647}, {56, 0.265447, 0.060237, 0.461840},
            {64, 0.316654, 0.071690, 0.485380}, {72, 0.366012, 0.090314, 0.497960},
            {80, 0.414709, 0.110431, 0.504662}, {88, 0.463508, 0.129893, 0.507652},
            {96, 0.512831, 0.148179, 0.507648}, {104, 0.562866, 0.165368, 0.504692},
            {112, 0.613617, 0.181811, 0.498536}, {120, 0.664915, 0.198075, 0.488836},
            {128, 0.716387, 0.214982, 0.475290}, {136, 0.767398, 0.233705, 0.457755},
            {144, 0.816914, 0.255895, 0.436461}, {152, 0.863320, 0.283729, 0.412403},
            {160, 0.904281, 0.319610, 0.388137}, {168, 0.937221, 0.364929, 0.368567},
            {176, 0.960949, 0.418323, 0.359630}, {184, 0.976690, 0.476226, 0.364466},
            {192, 0.986700, 0.535582, 0.382210}, {200, 0.992785, 0.594891, 0.410283},
            {208, 0.996096, 0.653659, 0.446213}, {216, 0.997325, 0.711848, 0.488154},
            {224, 0.996898, 0.769591, 0.534892}, {232, 0.995131, 0.827052, 0.585701},
            {240, 0.992440, 0.884330, 0.640099}, {248, 0.989434, 0.941470, 0.697519},
            {255, 0.987053, 0.991438, 0.749504},
    };

    public static final ColorMap MAGMA = fromAnchors(MAGMA_ANCHORS);

    private final int[] rgb;

    private ColorMap(int[] rgb) {
        this.rgb = rgb;
    }

    /** Packed 0xRRGGBB for a position in [0, 1] (clamped; NaN maps to 0). */
    public int rgb(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return rgb[(int) Math.round(f * 255)];
    }

    private static ColorMap fromAnchors(double[][] anchors) {
        int[] lut = new int[256];
        for (int a = 0; a + 1 < anchors.length; a++) {
            int i0 = (int) anchors[a][0];
            int i1 = (int) anchors[a + 1][0];
            for (int i = i0; i <= i1; i++) {
                double w = (i - i0) / (double) (i1 - i0);
                int r = channel(anchors[a][1], anchors[a + 1][1], w);
                int g = channel(anchors[a][2], anchors[a + 1][2], w);
                int b = channel(anchors[a][3], anchors[a + 1][3], w);
                lut[i] = (r << 16) | (g << 8) | b;
            }
        }
        return new ColorMap(lut);
    }

    private static int channel(double from, double to, double w) {
        return (int) Math.round(255 * (from + (to - from) * w));
    }
}
