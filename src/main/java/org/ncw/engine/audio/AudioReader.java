package org.ncw.engine.audio;

import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads audio files into memory: WAV with its own RIFF parser ({@link WavParser}: PCM 8/16/24/32-bit, IEEE float
 * 32/64, WAVE_FORMAT_EXTENSIBLE), AIFF and AU through javax.sound.sampled. The container is recognised from the
 * first bytes, not the file name. Every failure is an {@link AudioFileException} naming the file and the problem.
 */
public final class AudioReader {
    /** Default in-memory limit: 2^28 samples over all channels (1 GiB as float, ~46 min of 48 kHz stereo). */
    public static final long DEFAULT_MAX_SAMPLES = 1L << 28;
    private static final int HEAD_BYTES = 512;
    private static final int BLOCK_BYTES = 1 << 16;

    private AudioReader() {
    }

    public static AudioClip read(Path file) throws IOException {
        return read(file, DEFAULT_MAX_SAMPLES);
    }

    /** Reads a file, refusing (before allocating) one whose samples over all channels exceed {@code maxSamples}. */
    public static AudioClip read(Path file, long maxSamples) throws IOException {
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a directory, not an audio file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new AudioFileException(file, "empty file (0 bytes)");
            }
            byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
            ch.read(ByteBuffer.wrap(head), 0);
            int n = head.length;
            if (FileSniffer.startsWith(head, n, "RIFF")) {
                if (n < 12) {
                    throw new AudioFileException(file, "truncated header: " + n + " bytes, a WAV file needs at least 12");
                }
                if (!FileSniffer.startsWith(new byte[] {head[8], head[9], head[10], head[11]}, 4, "WAVE")) {
                    throw new AudioFileException(file, "a RIFF file of type '"
                            + new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                            + "', not WAVE audio");
                }
                return requireFinite(readWav(file, ch, maxSamples));
            }
            if (FileSniffer.startsWith(head, n, "RIFX") || FileSniffer.startsWith(head, n, "RF64")) {
                throw new AudioFileException(file, "unsupported WAV variant '"
                        + new String(head, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
                        + "' (big-endian or 64-bit RIFF); convert to a plain WAV");
            }
            if (FileSniffer.startsWith(head, n, "FORM")) {
                return requireFinite(SampledAudioReader.read(file, AudioContainer.AIFF, size, maxSamples));
            }
            if (FileSniffer.startsWith(head, n, ".snd")) {
                return requireFinite(SampledAudioReader.read(file, AudioContainer.AU, size, maxSamples));
            }
            throw new AudioFileException(file, "not a WAV, AIFF or AU audio file (looks like "
                    + FileSniffer.describe(head, n) + ")");
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "no such file", e);
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a file as one mono signal, mixing down (averaging) all its channels. */
    public static Signal readMono(Path file) throws IOException {
        return readMono(file, ChannelSelection.mixDown());
    }

    /** Reads a file as one mono signal: the mix-down of all channels or one channel. */
    public static Signal readMono(Path file, ChannelSelection selection) throws IOException {
        AudioClip clip = read(file);
        if (selection.isMixDown()) {
            return clip.toMono();
        }
        if (selection.index() >= clip.channelCount()) {
            throw new IllegalArgumentException("channel " + selection.index() + " requested but " + file + " has "
                    + clip.channelCount() + " channel" + (clip.channelCount() == 1 ? "" : "s"));
        }
        return clip.channel(selection.index());
    }

    private static AudioClip readWav(Path file, FileChannel ch, long maxSamples) throws IOException {
        WavParser.Layout layout = WavParser.parse(file, ch);
        WavFormat format = layout.format();
        long frames = layout.frames();
        checkSize(file, frames, format.channels(), format.sampleRate(), maxSamples);
        float[][] channels = new float[format.channels()][(int) frames];
        PcmFrameDecoder decoder = new PcmFrameDecoder(format.encoding(), format.bytesPerSample(), format.channels(),
                false);
        int frameBytes = format.frameBytes();
        int blockFrames = Math.max(1, BLOCK_BYTES / frameBytes);
        ByteBuffer block = ByteBuffer.allocate(blockFrames * frameBytes);
        long done = 0;
        while (done < frames) {
            int want = (int) Math.min(blockFrames, frames - done);
            block.clear().limit(want * frameBytes);
            long pos = layout.dataOffset() + done * frameBytes;
            while (block.hasRemaining()) {
                if (ch.read(block, pos + block.position()) < 0) {
                    throw new AudioFileException(file, "file shrank while being read");
                }
            }
            decoder.decode(block.array(), want, channels, (int) done);
            done += want;
        }
        AudioFileInfo info = new AudioFileInfo(AudioContainer.WAV, format.encoding(), format.validBits(),
                format.channels(), format.sampleRate(), frames, file, layout.notes());
        return new AudioClip(channels, format.sampleRate(), info);
    }

    /**
     * Refuses float audio holding NaN or infinite samples: every level, spectrum and metric of it would be NaN,
     * and integer PCM cannot hold them, so it is a broken file rather than a signal.
     */
    static AudioClip requireFinite(AudioClip clip) throws AudioFileException {
        if (clip.info().encoding() != SampleEncoding.FLOAT) {
            return clip;
        }
        float[][] channels = clip.channels();
        for (int c = 0; c < channels.length; c++) {
            float[] x = channels[c];
            for (int t = 0; t < x.length; t++) {
                if (!Float.isFinite(x[t])) {
                    throw new AudioFileException(clip.info().path(), String.format(Locale.ROOT,
                            "sample %d of channel %d is %s (at %.3f s): float audio must be finite", t, c, x[t],
                            t / (double) clip.sampleRate()));
                }
            }
        }
        return clip;
    }

    /** Refuses empty audio and audio too large for memory, before any sample array is allocated. */
    static void checkSize(Path file, long frames, int channels, int sampleRate, long maxSamples)
            throws AudioFileException {
        if (frames == 0) {
            throw new AudioFileException(file, "contains no audio samples");
        }
        long samples = frames * channels;
        if (samples > maxSamples || frames > Integer.MAX_VALUE - 8) {
            throw new AudioFileException(file, String.format(Locale.ROOT,
                    "too large to load into memory: %d frames x %d channels = %d samples (%.1f min), limit is %d"
                            + " samples (%.2f GiB as float)", frames, channels, samples,
                    frames / (double) sampleRate / 60, maxSamples, maxSamples * 4.0 / (1L << 30)));
        }
    }
}
