package org.ncw.ui.spectrogram;

import java.util.Locale;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.Spectrum;

/** The readout under the pointer: "1.234 s · 2150 Hz · −32.1 dB · speech". */
public final class SpectrogramReadout {
    private SpectrogramReadout() {
    }

    /** Level from the shown spectrum; label from the labels on their own grid (none when outside it). */
    public static String text(Spectrum shown, LabelGrid labels, Spectrum labelGrid, double seconds, double hz) {
        int f = shown.frameAt(seconds);
        int b = shown.binAt(hz);
        String level = f >= 0 && f < shown.db().frames() && b >= 0 && b < shown.db().bins()
                ? String.format(Locale.ROOT, "%.1f dB", shown.db().get(b, f)) : "– dB";
        String label = "";
        if (labels != null && labelGrid != null) {
            int lf = labelGrid.frameAt(seconds);
            int lb = labelGrid.binAt(hz);
            if (lf >= 0 && lf < labels.frames() && lb >= 0 && lb < labels.bins()) {
                int l = labels.get(lb, lf);
                label = " · " + (l == LabelGrid.SPEECH ? "speech" : l == LabelGrid.NOISE ? "noise" : "label " + l);
            }
        }
        return String.format(Locale.ROOT, "%.3f s · %.0f Hz · %s%s", seconds, hz, level, label);
    }
}
