package org.ncw.engine.audio;

import org.ncw.engine.core.Checks;
import org.ncw.engine.core.Signal;

import java.util.Objects;

/**
 * Audio of one or more channels at one sample rate, samples nominally in [-1, 1]. {@code channels[c][i]} is sample i
 * of channel c; every channel has the same length. The arrays are owned by the record.
 */
public record AudioClip(float[][] channels, int sampleRate, AudioFileInfo info) {
    public AudioClip {
        Objects.requireNonNull(channels, "channels");
        if (channels.length == 0) {
            throw new IllegalArgumentException("an audio clip needs at least one channel");
        }
        Checks.positive("sampleRate", sampleRate);
        int frames = Objects.requireNonNull(channels[0], "channel 0").length;
        for (int c = 1; c < channels.length; c++) {
            if (Objects.requireNonNull(channels[c], "channel " + c).length != frames) {
                throw new IllegalArgumentException("channel " + c + " has " + channels[c].length
                        + " samples but channel 0 has " + frames);
            }
        }
        if (info == null) {
            info = AudioFileInfo.inMemory(channels.length, sampleRate, frames);
        }
    }

    /** A one-channel clip holding a signal (rounded to float). */
    public static AudioClip of(Signal signal) {
        double[] s = signal.samples();
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = (float) s[i];
        }
        return new AudioClip(new float[][] {f}, signal.sampleRate(), null);
    }

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return channels[0].length;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** One channel as a mono signal. */
    public Signal channel(int index) {
        if (index < 0 || index >= channels.length) {
            throw new IllegalArgumentException("channel " + index + " requested but the clip has "
                    + channels.length + " channel" + (channels.length == 1 ? "" : "s"));
        }
        float[] src = channels[index];
        double[] out = new double[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = src[i];
        }
        return new Signal(out, sampleRate);
    }

    /** The average of all channels (a mono mix-down that cannot clip). */
    public Signal toMono() {
        if (channels.length == 1) {
            return channel(0);
        }
        int n = frames();
        double[] out = new double[n];
        for (float[] ch : channels) {
            for (int i = 0; i < n; i++) {
                out[i] += ch[i];
            }
        }
        double scale = 1.0 / channels.length;
        for (int i = 0; i < n; i++) {
            out[i] *= scale;
        }
        return new Signal(out, sampleRate);
    }
}
