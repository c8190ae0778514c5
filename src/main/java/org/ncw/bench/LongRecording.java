package org.ncw.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic long recording as a 16-bit PCM WAV, block by block (bounded memory, any length below 4 GiB):
 * speech-like harmonic bursts (0.5 s, fundamentals 120-260 Hz, 10 harmonics, with pauses) in steady pink-ish
 * noise, the same in every channel up to a small per-channel gain. Deterministic for a seed.
 */
public final class LongRecording {
    private LongRecording() {
    }

    /** Writes {@code seconds} of {@code channels}-channel audio at {@code rate} to {@code out}. */
    public static void write(Path out, double seconds, int rate, int channels, long seed) throws IOException {
        long frames = Math.round(seconds * rate);
        long dataBytes = frames * channels * 2;
        if (dataBytes + 36 > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("a 16-bit WAV of " + frames + " frames x " + channels
                    + " channels exceeds 4 GiB");
        }
        Random rnd = new Random(seed);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt((int) (36 + dataBytes))
                    .put("WAVE".getBytes(StandardCharsets.ISO_8859_1))
                    .put("fmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16).putShort((short) 1)
                    .putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
                    .putShort((short) (channels * 2)).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt((int) dataBytes);
            os.write(h.array());
            int burst = rate / 2;
            int period = burst + rate / 3;
            double f0 = 0;
            double b0 = 0;
            double b1 = 0;
            byte[] block = new byte[4096 * channels * 2];
            ByteBuffer bb = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < frames; i++) {
                int inBurst = (int) (i % period);
                if (inBurst == 0) {
                    f0 = 120 + 140 * rnd.nextDouble();
                }
                double v = 0;
                if (inBurst < burst) {
                    double env = Math.sin(Math.PI * inBurst / burst);
                    double phase = 2 * Math.PI * f0 * i / rate;
                    for (int k = 1; k <= 10 && f0 * k < rate / 2.0; k++) {
                        v += Math.sin(k * phase) / k;
                    }
                    v *= 0.15 * env;
                }
                double white = rnd.nextGaussian();
                b0 = 0.99 * b0 + 0.1 * white;
                b1 = 0.6 * b1 + 0.4 * white;
                v += 0.01 * (b0 + b1);
                for (int c = 0; c < channels; c++) {
                    double s = v * (1 - 0.1 * c);
                    bb.putShort((short) Math.max(-32768, Math.min(32767, Math.round(s * 32767))));
                }
                if (!bb.hasRemaining()) {
                    os.write(block, 0, bb.position());
                    bb.clear();
                }
            }
            os.write(block, 0, bb.position());
        }
    }

    /** {@code java -cp ncw.jar org.ncw.bench.LongRecording OUT.wav MINUTES [RATE [CHANNELS]]}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LongRecording OUT.wav MINUTES [RATE [CHANNELS]]");
            System.exit(2);
        }
        write(Path.of(args[0]), Double.parseDouble(args[1]) * 60, args.length > 2 ? Integer.parseInt(args[2]) : 16000,
                args.length > 3 ? Integer.parseInt(args[3]) : 1, 1);
    }
}
