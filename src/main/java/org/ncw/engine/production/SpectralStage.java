package org.ncw.engine.production;

/** A stage working on the STFT with a mask; {@code amount} in [0, 1] scales how much the mask attenuates. */
public sealed interface SpectralStage extends ProductionStage
        permits SpectralGate, SpectralMedianFloor, SpectralCentroidFloor {

    double amount();

    /** The same stage with another amount. */
    SpectralStage withAmount(double amount);
}
