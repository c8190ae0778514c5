package org.ncw.ui.spectrogram;

/** A 256-entry opaque ARGB lookup table interpolated between colour stops (magma-like, viridis-like or grey). */
public final class ColorMap {
    private static final int[] MAGMA_STOPS = {0x000004, 0x1c1044, 0x4f127b, 0x812581, 0xb5367a, 0xe55064,
        0xfb8761, 0xfec287, 0xfcfdbf};
    private static final int[] VIRIDIS_STOPS = {0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89,
        0x35b779, 0x6ece58, 0xb5de2b, 0xfde725};
    private static final int[] GREY_STOPS = {0x000000, 0xffffff};
    private final int[] lut = new int[256];

    /** The maps the spectrogram offers, by name. */
    public enum Named {
        MAGMA("magma", MAGMA_STOPS), VIRIDIS("viridis", VIRIDIS_STOPS), GREY("grey", GREY_STOPS);

        private final String title;
        private final ColorMap map;

        Named(String title, int[] stops) {
            this.title = title;
            this.map = new ColorMap(stops);
        }

        public ColorMap map() {
            return map;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private ColorMap(int[] stops) {
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * (stops.length - 1);
            int a = Math.min(stops.length - 2, (int) pos);
            double f = pos - a;
            lut[i] = 0xff000000 | mix(stops[a], stops[a + 1], f);
        }
    }

    public static ColorMap magma() {
        return new ColorMap(MAGMA_STOPS);
    }

    private static int mix(int c0, int c1, double f) {
        int r = (int) Math.round(((c0 >> 16) & 255) * (1 - f) + ((c1 >> 16) & 255) * f);
        int g = (int) Math.round(((c0 >> 8) & 255) * (1 - f) + ((c1 >> 8) & 255) * f);
        int b = (int) Math.round((c0 & 255) * (1 - f) + (c1 & 255) * f);
        return (r << 16) | (g << 8) | b;
    }

    /** Colour of a position in [0, 1] (clamped). */
    public int argb(double unit) {
        int i = (int) Math.round(Math.max(0, Math.min(1, unit)) * 255);
        return lut[i];
    }

    /** Alpha-blends an opaque colour over an opaque pixel. */
    public static int blend(int under, int rgb, double alpha) {
        return 0xff000000 | mix(under & 0xffffff, rgb & 0xffffff, alpha);
    }
}
