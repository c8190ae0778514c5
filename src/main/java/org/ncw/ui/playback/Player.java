package org.ncw.ui.playback;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.ncw.engine.core.Signal;

/**
 * Plays one signal at a time on its own thread through a {@link SourceDataLine}. The source can be swapped
 * while playing ({@link #setSource}) and playback continues at the same sample position: that is the A/B
 * switch. Loops a selection when one is set. Without an audio device it reports so once and stays silent;
 * seeking and switching still work.
 */
public final class Player implements Transport {
    public static final String NO_DEVICE = "No audio output device — playback disabled";
    private static final int CHUNK = 1024;

    private final AtomicLong position = new AtomicLong();
    private final Thread thread;
    private final Consumer<String> status;
    private volatile Signal source;
    private volatile double gain = 1;
    private volatile boolean playing;
    private volatile boolean closed;
    private volatile double loopStart = Double.NaN;
    private volatile double loopEnd = Double.NaN;
    private volatile boolean deviceMissing;
    private SourceDataLine line;
    private int lineRate;

    /** @param status receives device problems (called from the playback thread) */
    public Player(Consumer<String> status) {
        this.status = status;
        thread = new Thread(this::loop, "ncw-playback");
        thread.setDaemon(true);
        thread.start();
    }

    /** Switches what is heard, keeping the position (clamped to the new signal's length). */
    @Override
    public void setSource(Signal signal, double newGain) {
        source = signal;
        gain = newGain;
        if (signal != null && position.get() > signal.length()) {
            position.set(signal.length());
        }
    }

    @Override
    public Signal source() {
        return source;
    }

    public double gain() {
        return gain;
    }

    public void setGain(double newGain) {
        gain = newGain;
    }

    @Override
    public boolean deviceMissing() {
        return deviceMissing;
    }

    /** Starts playing; returns false when there is no audio device. */
    @Override
    public boolean play() {
        if (deviceMissing || source == null) {
            return false;
        }
        Signal s = source;
        if (position.get() >= s.length()) {
            position.set(hasLoop() ? (long) (loopStart * s.sampleRate()) : 0);
        }
        playing = true;
        synchronized (this) {
            notifyAll();
        }
        return true;
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
        Signal s = source;
        int rate = s == null ? 1 : s.sampleRate();
        long p = Math.max(0, Math.round(seconds * rate));
        position.set(s == null ? p : Math.min(p, s.length()));
        SourceDataLine l = line;
        if (l != null) {
            l.flush();
        }
    }

    /** Seconds of the sample that is being heard now (written position minus what the line still buffers). */
    @Override
    public double positionSeconds() {
        Signal s = source;
        if (s == null) {
            return 0;
        }
        long p = position.get();
        SourceDataLine l = line;
        if (l != null && playing) {
            p -= (l.getBufferSize() - l.available()) / 2;
        }
        return Math.max(0, p) / (double) s.sampleRate();
    }

    @Override
    public void setLoop(double start, double end) {
        loopStart = start;
        loopEnd = end;
    }

    public boolean hasLoop() {
        return !Double.isNaN(loopStart) && loopEnd > loopStart;
    }

    private void loop() {
        byte[] bytes = new byte[CHUNK * 2];
        while (!closed) {
            Signal s = source;
            if (!playing || s == null) {
                synchronized (this) {
                    try {
                        wait(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            if (!ensureLine(s.sampleRate())) {
                playing = false;
                continue;
            }
            long p0 = position.get();
            long p = p0;
            long end = s.length();
            if (hasLoop()) {
                long ls = (long) (loopStart * s.sampleRate());
                long le = Math.min(end, (long) (loopEnd * s.sampleRate()));
                if (p >= le || p < ls) {
                    p = ls;
                }
                end = le;
            }
            int n = (int) Math.min(CHUNK, end - p);
            if (n <= 0) {
                playing = false;
                line.drain();
                continue;
            }
            double[] x = s.samples();
            double g = gain;
            for (int i = 0; i < n; i++) {
                int v = (int) Math.round(Math.max(-1, Math.min(1, x[(int) (p + i)] * g)) * 32767);
                bytes[2 * i] = (byte) v;
                bytes[2 * i + 1] = (byte) (v >> 8);
            }
            position.compareAndSet(p0, p + n); // a seek meanwhile wins
            line.write(bytes, 0, 2 * n);
        }
    }

    private boolean ensureLine(int rate) {
        if (line != null && lineRate == rate) {
            return true;
        }
        if (line != null) {
            line.close();
            line = null;
        }
        try {
            AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
            SourceDataLine l = AudioSystem.getSourceDataLine(format);
            l.open(format, rate / 5 * 2);
            l.start();
            line = l;
            lineRate = rate;
            return true;
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            deviceMissing = true;
            status.accept(NO_DEVICE);
            return false;
        }
    }

    /** Probes for an output line without playing (so the status bar can say so at start-up). */
    public static boolean deviceAvailable() {
        try {
            return AudioSystem.isLineSupported(new javax.sound.sampled.DataLine.Info(SourceDataLine.class,
                    new AudioFormat(16000, 16, 1, true, false)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        playing = false;
        thread.interrupt();
        if (line != null) {
            line.close();
        }
    }
}
