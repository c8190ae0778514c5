package org.ncw.engine.metrics;

/** Energy ratios in dB, with the limits spelled out: a perfect estimate is +Inf dB, never NaN. */
final class Decibels {
    private Decibels() {
    }

    static double ratio(double signalEnergy, double noiseEnergy) {
        if (noiseEnergy == 0) {
            return signalEnergy == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (signalEnergy == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return 10 * Math.log10(signalEnergy / noiseEnergy);
    }
}
