package org.ncw.engine.ica;

/** How {@link PairSeparation} decides which output is the speech; see {@link SpeechLikeness}. */
public enum SpeechRanking {
    /** {@link #REFERENCE} when a reference track is given, {@link #FLATNESS} otherwise. */
    AUTO,
    /** Lower spectral flatness (a peakier, more harmonic spectrum). */
    FLATNESS,
    /** Higher 2–8 Hz modulation depth of the frame-level envelope. */
    MODULATION,
    /** Higher |correlation| with the reference track (e.g. the clustered speech); its sign is made positive. */
    REFERENCE
}
