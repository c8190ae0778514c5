package org.ncw.engine.stream;

/** A gain rule advanced one STFT frame at a time: reads the frame's periodogram, writes one gain per bin. */
interface FrameGain {
    /**
     * @param power periodogram of the frame, scaled up to a full frame where the frame overlaps the zero history
     *              before the stream's start
     * @param share the share of the analysis window's energy on real input (1 once the stream has filled a frame)
     * @param gain  output: the gain of every bin
     */
    void next(double[] power, double share, double[] gain);

    /**
     * Frames of look-ahead: 1 when {@link #next} writes the gain of the frame before the one whose periodogram it
     * was given (the processor then applies it to that earlier frame, one hop later).
     */
    default int lookahead() {
        return 0;
    }

    /** Takes new parameters from the next frame on, keeping the state; a rule without parameters ignores them. */
    default void retune(StreamingDenoiserOptions options) {
    }
}
