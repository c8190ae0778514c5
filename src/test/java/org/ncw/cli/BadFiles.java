package org.ncw.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Hand-made audio files, good and bad, for the command-line robustness tests; written byte by byte. */
final class BadFiles {
    private BadFiles() {
    }

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    /**
     * A RIFF/WAVE file: {@code formatTag} 1 = PCM, 3 = IEEE float; samples in [-1, 1], interleaved, quantised to
     * {@code bits}. {@code declaredDataBytes} < 0 declares the true data size.
     */
    static byte[] wav(int formatTag, int bits, int channels, int rate, double[] interleaved, long declaredDataBytes) {
        int bytesPerSample = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(interleaved.length * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : interleaved) {
            double x = Math.max(-1, Math.min(1, v));
            switch (formatTag == 3 ? -bits : bits) {
                case 8 -> data.put((byte) (Math.round(x * 127) + 128));
                case 16 -> data.putShort((short) Math.round(x * 32767));
                case 24 -> {
                    int s = (int) Math.round(x * 8388607);
                    data.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                }
                case 32 -> data.putInt((int) Math.round(x * 2147483647.0));
                case -32 -> data.putFloat((float) x);
                case -64 -> data.putDouble(x);
                default -> throw new IllegalArgumentException("bits " + bits);
            }
        }
        ByteBuffer b = ByteBuffer.allocate(44 + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.capacity())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) formatTag)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) (declaredDataBytes >= 0 ? declaredDataBytes : data.capacity()))
                .put(data.array());
        return b.array();
    }

    /** Deterministic noisy tone with a silent gap, {@code seconds} long, the same on every channel plus noise. */
    static double[] signal(int channels, int rate, double seconds) {
        int frames = (int) Math.round(seconds * rate);
        double[] x = new double[frames * channels];
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < frames; t++) {
            double tone = (t > frames / 3 && t < 2 * frames / 3) ? 0.3 * Math.sin(2 * Math.PI * 440 * t / rate) : 0;
            for (int c = 0; c < channels; c++) {
                x[t * channels + c] = tone + 0.05 * random.nextGaussian();
            }
        }
        return x;
    }

    static byte[] pcm16(int channels, int rate, double seconds) {
        return wav(1, 16, channels, rate, signal(channels, rate, seconds), -1);
    }

    /** Files that every command must refuse with one line naming the file. */
    enum Unreadable {
        EMPTY("empty file"),
        TRUNCATED_HEADER("truncated"),
        CORRUPT_HEADER("missing fmt chunk"),
        TEXT_NAMED_WAV("text file"),
        PNG_NAMED_WAV("PNG image"),
        MU_LAW("unsupported encoding"),
        ZERO_CHANNELS("channels"),
        NO_SAMPLES("no audio samples"),
        NAN_IN_FLOAT("float audio must be finite"),
        MISSING("no such file"),
        DIRECTORY("directory");

        final String problem;

        Unreadable(String problem) {
            this.problem = problem;
        }

        /** Creates the file in {@code dir} and returns its path. */
        Path create(Path dir) throws IOException {
            Path f = dir.resolve(name().toLowerCase() + ".wav");
            byte[] good = pcm16(1, 16000, 0.5);
            switch (this) {
                case EMPTY -> Files.write(f, new byte[0]);
                case TRUNCATED_HEADER -> Files.write(f, Arrays.copyOf(good, 30));
                case CORRUPT_HEADER -> {
                    byte[] b = good.clone();
                    b[12] = 'x';
                    b[13] = 'x';
                    b[14] = 'x';
                    b[15] = 'x';
                    Files.write(f, b);
                }
                case TEXT_NAMED_WAV -> Files.writeString(f, "hello, this is not audio\n");
                case PNG_NAMED_WAV -> Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                        0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
                case MU_LAW -> {
                    byte[] b = good.clone();
                    b[20] = 7;
                    Files.write(f, b);
                }
                case ZERO_CHANNELS -> {
                    byte[] b = good.clone();
                    b[22] = 0;
                    Files.write(f, b);
                }
                case NO_SAMPLES -> Files.write(f, wav(1, 16, 1, 16000, new double[0], -1));
                case NAN_IN_FLOAT -> {
                    double[] x = signal(1, 16000, 0.5);
                    x[100] = Double.NaN;
                    Files.write(f, wav(3, 32, 1, 16000, x, -1));
                }
                case MISSING -> {
                }
                case DIRECTORY -> Files.createDirectory(f);
                default -> throw new AssertionError(this);
            }
            return f;
        }
    }

    /** Unusual but valid files: every command must either work (no NaN in its outputs) or refuse clearly. */
    enum Odd {
        PCM8(wav(1, 8, 1, 16000, signal(1, 16000, 0.5), -1)),
        PCM24(wav(1, 24, 1, 16000, signal(1, 16000, 0.5), -1)),
        PCM32(wav(1, 32, 1, 16000, signal(1, 16000, 0.5), -1)),
        FLOAT64(wav(3, 64, 1, 16000, signal(1, 16000, 0.5), -1)),
        STEREO(pcm16(2, 16000, 0.5)),
        FIVE_CHANNELS(pcm16(5, 16000, 0.5)),
        RATE_8K(pcm16(1, 8000, 0.5)),
        RATE_96K(pcm16(1, 96000, 0.5)),
        SILENT(wav(1, 16, 1, 16000, new double[8000], -1)),
        TEN_SAMPLES(wav(1, 16, 1, 16000, Arrays.copyOf(signal(1, 16000, 0.5), 10), -1)),
        ONE_SAMPLE(wav(1, 16, 1, 16000, new double[] {0.25}, -1)),
        /** data chunk cut short: read what is there, with a note. */
        TRUNCATED_DATA(Arrays.copyOf(pcm16(1, 16000, 0.5), 44 + 2000)),
        /** data chunk claiming ~4 GiB: must not allocate it. */
        HUGE_DURATION_HEADER(wav(1, 16, 1, 16000, signal(1, 16000, 0.5), 0xFFFFFFF0L));

        final byte[] bytes;

        Odd(byte[] bytes) {
            this.bytes = bytes;
        }

        Path create(Path dir) throws IOException {
            return Files.write(dir.resolve(name().toLowerCase() + ".wav"), bytes);
        }
    }

    /** Every regular file under {@code dir}, recursively, relative names. */
    static List<String> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
