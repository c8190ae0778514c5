package org.ncw.engine.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The sound cards, through Java Sound: capture mixers (a {@link TargetDataLine}) and playback mixers (a
 * {@link SourceDataLine}), both opened as 16-bit signed little-endian mono at live mode's rate (no resampling: a
 * device that cannot do the rate is refused with a message naming it). On Linux these are the ALSA devices.
 */
public final class JavaSoundDevices {
    private JavaSoundDevices() {
    }

    /** A mixer that has the line, by its Java Sound name. */
    public record Device(String name, String description, Mixer.Info info) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static AudioFormat format(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    public static List<Device> captureDevices(int sampleRate) {
        return devices(TargetDataLine.class, sampleRate);
    }

    public static List<Device> playbackDevices(int sampleRate) {
        return devices(SourceDataLine.class, sampleRate);
    }

    private static List<Device> devices(Class<?> lineClass, int sampleRate) {
        List<Device> out = new ArrayList<>();
        DataLine.Info want = new DataLine.Info(lineClass, format(sampleRate));
        try {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                try {
                    if (AudioSystem.getMixer(info).isLineSupported(want)) {
                        out.add(new Device(info.getName(), info.getDescription(), info));
                    }
                } catch (RuntimeException e) {
                    // a mixer that cannot be asked is not offered
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
        return out;
    }

    /** Opens a capture line on {@code device} (null: the system default). */
    public static BlockSource openCapture(Device device, LiveOptions o) throws IOException {
        AudioFormat f = format(o.sampleRate());
        try {
            TargetDataLine line = device == null ? AudioSystem.getTargetDataLine(f)
                    : AudioSystem.getTargetDataLine(f, device.info());
            line.open(f, 2 * o.lineBufferSamples());
            line.start();
            return new LineSource(line, device == null ? "default capture device" : device.name(), o.sampleRate());
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("capture device " + (device == null ? "(default)" : device.name())
                    + " cannot record 16-bit mono at " + o.sampleRate() + " Hz: " + e.getMessage(), e);
        }
    }

    /** Opens a playback line on {@code device} (null: the system default). */
    public static BlockSink openPlayback(Device device, LiveOptions o) throws IOException {
        AudioFormat f = format(o.sampleRate());
        try {
            SourceDataLine line = device == null ? AudioSystem.getSourceDataLine(f)
                    : AudioSystem.getSourceDataLine(f, device.info());
            line.open(f, 2 * o.lineBufferSamples());
            line.start();
            return new LineSink(line, device == null ? "default output device" : device.name());
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("output device " + (device == null ? "(default)" : device.name())
                    + " cannot play 16-bit mono at " + o.sampleRate() + " Hz: " + e.getMessage(), e);
        }
    }

    /** 16-bit little-endian to [-1, 1): v / 32768. */
    static void decode(byte[] bytes, double[] dst, int offset, int n) {
        for (int i = 0; i < n; i++) {
            dst[offset + i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768.0;
        }
    }

    /** [-1, 1] to 16-bit little-endian: round(clamp(x) * 32767), the same conversion as the workbench's player. */
    static void encode(double[] x, int offset, int n, byte[] bytes) {
        for (int i = 0; i < n; i++) {
            int v = (int) Math.round(Math.max(-1, Math.min(1, x[offset + i])) * 32767);
            bytes[2 * i] = (byte) v;
            bytes[2 * i + 1] = (byte) (v >> 8);
        }
    }

    static final class LineSource implements BlockSource {
        private final TargetDataLine line;
        private final String name;
        private final int rate;
        private byte[] bytes = new byte[0];
        private long overruns;
        private volatile boolean closed;

        LineSource(TargetDataLine line, String name, int rate) {
            this.line = line;
            this.name = name;
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public int read(double[] dst, int offset, int length) {
            if (closed) {
                return -1;
            }
            if (bytes.length < 2 * length) {
                bytes = new byte[2 * length];
            }
            if (line.available() >= line.getBufferSize()) {
                overruns++; // the buffer was full: the line has been dropping input
            }
            int got = 0;
            while (got < 2 * length && !closed) {
                int r = line.read(bytes, got, 2 * length - got); // blocks until the bytes are there
                if (r <= 0) {
                    break;
                }
                got += r;
            }
            if (got < 2 * length) {
                return -1;
            }
            decode(bytes, dst, offset, length);
            return length;
        }

        @Override
        public long droppedBlocks() {
            return overruns;
        }

        @Override
        public int bufferSamples() {
            return line.getBufferSize() / 2;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public void close() {
            closed = true;
            line.stop();
            line.close();
        }
    }

    static final class LineSink implements BlockSink {
        private final SourceDataLine line;
        private final String name;
        private byte[] bytes = new byte[0];
        private long underruns;
        private boolean started;

        LineSink(SourceDataLine line, String name) {
            this.line = line;
            this.name = name;
        }

        @Override
        public void write(double[] samples, int offset, int length) {
            if (bytes.length < 2 * length) {
                bytes = new byte[2 * length];
            }
            encode(samples, offset, length, bytes);
            if (started && line.available() >= line.getBufferSize()) {
                underruns++; // the line had played everything: a gap was heard
            }
            started = true;
            line.write(bytes, 0, 2 * length); // blocks while the buffer is full
        }

        @Override
        public long underruns() {
            return underruns;
        }

        @Override
        public int bufferSamples() {
            return line.getBufferSize() / 2;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public void close() {
            if (line.isOpen()) {
                line.drain();
                line.close();
            }
        }
    }
}
