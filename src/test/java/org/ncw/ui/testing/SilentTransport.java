package org.ncw.ui.testing;

import org.ncw.engine.core.Signal;
import org.ncw.ui.playback.Transport;

/** A transport without a sound card: it keeps position and state; {@link #finish()} plays to the end. */
public final class SilentTransport implements Transport {
    private Signal source;
    private double gain = 1;
    private boolean playing;
    private double position;
    private double loopStart = Double.NaN;
    private double loopEnd = Double.NaN;

    @Override
    public void setSource(Signal signal, double newGain) {
        source = signal;
        gain = newGain;
    }

    @Override
    public Signal source() {
        return source;
    }

    public double gain() {
        return gain;
    }

    @Override
    public boolean play() {
        playing = source != null;
        return playing;
    }

    @Override
    public void pause() {
        playing = false;
    }

    @Override
    public boolean isPlaying() {
        return playing;
    }

    @Override
    public void seek(double seconds) {
        position = seconds;
    }

    @Override
    public double positionSeconds() {
        return position;
    }

    @Override
    public void setLoop(double start, double end) {
        loopStart = start;
        loopEnd = end;
    }

    public double loopStart() {
        return loopStart;
    }

    public double loopEnd() {
        return loopEnd;
    }

    /** Playback reaches the end of the source and stops by itself. */
    public void finish() {
        position = source == null ? 0 : source.durationSeconds();
        playing = false;
    }

    @Override
    public boolean deviceMissing() {
        return false;
    }

    @Override
    public void close() {
        playing = false;
    }
}
