package org.ncw.engine.dsp;

import java.util.Locale;

/** What the values of a spectrogram matrix are; {@link #columnName()} is the intensity column's header in tables. */
public enum Intensity {
    /** |X|. */
    MAGNITUDE,
    /** |X|^2. */
    POWER,
    /** 20 log10(|X| / ref), see {@link DbScale}. */
    DB;

    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intensity ofColumnName(String name) {
        for (Intensity i : values()) {
            if (i.columnName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown intensity column '" + name + "', expected magnitude, power or db");
    }
}
