package org.ncw.engine.denoise;

/** TEMPORARY screening knobs (removed before commit). */
final class Tune {
    private Tune() {
    }

    static double d(String name, double def) {
        String v = System.getProperty("t." + name);
        return v == null ? def : Double.parseDouble(v);
    }
}
