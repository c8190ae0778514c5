package org.ncw.render;

import org.ncw.engine.core.Checks;

/**
 * How a spectrogram image looks.
 *
 * @param width          whole image width in pixels (plot, axes and legend), >= 200
 * @param height         whole image height in pixels, >= 150
 * @param logFrequency   logarithmic frequency axis (from the first non-zero bin up)
 * @param title          title line above the plot, or empty for none
 * @param overlayAlpha   opacity of the speech tint of a label overlay, in [0, 1]
 */
public record RenderOptions(int width, int height, boolean logFrequency, String title, double overlayAlpha) {
    /** Largest width or height accepted. */
    public static final int MAX_PIXELS_PER_SIDE = 16384;

    public RenderOptions {
        // the upper limits keep the image (4 bytes a pixel) well inside memory: 16384 x 16384 is 1 GiB
        Checks.inRange("width", width, 200, MAX_PIXELS_PER_SIDE);
        Checks.inRange("height", height, 150, MAX_PIXELS_PER_SIDE);
        Checks.notNull("title", title);
        Checks.inRange("overlayAlpha", overlayAlpha, 0, 1);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(1200, 600, false, "", 0.45);
    }

    public RenderOptions withSize(int w, int h) {
        return new RenderOptions(w, h, logFrequency, title, overlayAlpha);
    }

    public RenderOptions withLogFrequency(boolean v) {
        return new RenderOptions(width, height, v, title, overlayAlpha);
    }

    public RenderOptions withTitle(String v) {
        return new RenderOptions(width, height, logFrequency, v, overlayAlpha);
    }

    public RenderOptions withOverlayAlpha(double v) {
        return new RenderOptions(width, height, logFrequency, title, v);
    }
}
