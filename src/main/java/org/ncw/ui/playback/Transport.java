package org.ncw.ui.playback;

import org.ncw.engine.core.Signal;

/** What the workbench needs of an audio output: the {@link Player} on a sound card, or a stand-in in tests. */
public interface Transport extends AutoCloseable {
    /** Switches what is heard, keeping the position (clamped to the new signal's length). */
    void setSource(Signal signal, double gain);

    Signal source();

    /** Starts playing; false when nothing can be played (no device, no source). */
    boolean play();

    void pause();

    boolean isPlaying();

    void seek(double seconds);

    /** Seconds of the source being heard now. */
    double positionSeconds();

    /** Loops between the two times; NaN for no loop. */
    void setLoop(double start, double end);

    boolean deviceMissing();

    @Override
    void close();
}
