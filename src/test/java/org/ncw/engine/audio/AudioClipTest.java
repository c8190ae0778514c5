package org.ncw.engine.audio;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AudioClipTest {
    private final AudioClip stereo = new AudioClip(new float[][] {{1f, 0.5f, 0f, -1f}, {0f, 0.5f, 1f, 1f}}, 4, null);

    @Test
    void shapeAndDuration() {
        assertEquals(2, stereo.channelCount());
        assertEquals(4, stereo.frames());
        assertEquals(1.0, stereo.durationSeconds());
        assertEquals(2, stereo.info().channels());
    }

    @Test
    void monoIsTheChannelAverage() {
        Signal mono = stereo.toMono();
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0}, mono.samples());
        assertEquals(4, mono.sampleRate());
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, stereo.channel(1).samples());
        assertThrows(IllegalArgumentException.class, () -> stereo.channel(2));
    }

    @Test
    void ofSignalRoundsToFloat() {
        AudioClip c = AudioClip.of(new Signal(new double[] {0.1, -0.2}, 8000));
        assertArrayEquals(new float[] {0.1f, -0.2f}, c.channels()[0]);
        assertArrayEquals(new double[] {0.1f, -0.2f}, c.toMono().samples());
    }

    @Test
    void rejectsRaggedOrEmptyChannels() {
        assertThrows(IllegalArgumentException.class, () -> new AudioClip(new float[][] {{1f}, {1f, 2f}}, 8000, null));
        assertThrows(IllegalArgumentException.class, () -> new AudioClip(new float[0][], 8000, null));
        assertThrows(IllegalArgumentException.class, () -> new AudioClip(new float[][] {{1f}}, 0, null));
    }
}
