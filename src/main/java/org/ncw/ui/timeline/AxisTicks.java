package org.ncw.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" tick positions (1, 2, 5 x 10^k) for an axis range, and their labels. */
public final class AxisTicks {
    private AxisTicks() {
    }

    public static double step(double span, int maxTicks) {
        double raw = span / Math.max(1, maxTicks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }

    public static List<Double> ticks(double from, double to, int maxTicks) {
        List<Double> out = new ArrayList<>();
        if (!(to > from)) {
            return out;
        }
        double step = step(to - from, maxTicks);
        for (double t = Math.ceil(from / step) * step; t <= to + 1e-9 * step; t += step) {
            out.add(Math.abs(t) < 1e-12 ? 0 : t);
        }
        return out;
    }

    public static String seconds(double t, double step) {
        int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f s", t);
    }

    public static String hertz(double hz) {
        return hz >= 1000 ? String.format(Locale.ROOT, "%.1fk", hz / 1000).replace(".0k", "k")
                : String.format(Locale.ROOT, "%.0f", hz);
    }
}
