package org.ncw.engine.mask;

import org.ncw.engine.core.Signal;

/** Resynthesised speech estimate and residue (everything the mask removed); they sum to the STFT round trip. */
public record SeparatedSignals(Signal speech, Signal residue) {
}
