package org.ncw.engine.stream;

/** A gain rule advanced one STFT frame at a time: reads the frame's periodogram, writes one gain per bin. */
interface FrameGain {
    void next(double[] power, double[] gain);
}
