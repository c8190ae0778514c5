package org.ncw.engine.audio;

import org.ncw.engine.core.Signal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads audio files into memory: WAV with its own RIFF parser ({@link WavParser}: PCM 8/16/24/32-bit, IEEE float
 * 32/64, WAVE_FORMAT_EXTENSIBLE), AIFF/AIFF-C ({@link AiffParser}) and AU ({@link AuParser}). The container is recognised from the
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
        return open(file, (ch, layout) -> requireFinite(readSamples(file, ch, layout, maxSamples)));
    }

    /** Reads only the header: what the file holds, without reading a sample (e.g. to size a run up front). */
    public static AudioFileInfo readInfo(Path file) throws IOException {
        return open(file, (ch, l) -> new AudioFileInfo(l.container(), l.format().encoding(), l.storedBits(),
                l.format().channels(), l.format().sampleRate(), l.frames(), file, l.notes()));
    }

    private interface LayoutReader<T> {
        T read(FileChannel ch, SampleLayout layout) throws IOException;
    }

    private static <T> T open(Path file, LayoutReader<T> reader) throws IOException {
        try {
            checkRegularFile(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size == 0) {
                    throw new AudioFileException(file, "empty file (0 bytes)");
                }
                return reader.read(ch, layout(file, ch, size));
            }
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "permission denied", e);
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses what is not a plain file before opening it: opening a FIFO blocks until a writer comes, and
     * devices such as /dev/zero or /dev/urandom report a size of 0 but never end.
     */
    private static void checkRegularFile(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new AudioFileException(file, "is a directory, not an audio file");
        }
        if (!attributes.isRegularFile()) {
            throw new AudioFileException(file, "not a regular file (a device, pipe or socket); give an audio file");
        }
    }

    /** Recognises the container from the first bytes and parses its header. */
    private static SampleLayout layout(Path file, FileChannel ch, long size) throws IOException {
        byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
        ByteBuffer headBuffer = ByteBuffer.wrap(head);
        while (headBuffer.hasRemaining() && ch.read(headBuffer, headBuffer.position()) >= 0) {
            // a read may return fewer bytes than asked
        }
        int n = headBuffer.position();
        if (FileSniffer.startsWith(head, n, "RIFF")) {
            if (n < 12) {
                throw new AudioFileException(file, "truncated header: " + n + " bytes, a WAV file needs at least 12");
            }
            if (!FileSniffer.startsWith(new byte[] {head[8], head[9], head[10], head[11]}, 4, "WAVE")) {
                throw new AudioFileException(file, "a RIFF file of type '" + HeaderBytes.fourCc(head, 8)
                        + "', not WAVE audio");
            }
            WavParser.Layout wav = WavParser.parse(file, ch);
            WavFormat format = wav.format();
            return new SampleLayout(AudioContainer.WAV, format, format.validBits(), wav.dataOffset(), wav.frames(),
                    false, wav.notes());
        }
        if (FileSniffer.startsWith(head, n, "RIFX") || FileSniffer.startsWith(head, n, "RF64")) {
            throw new AudioFileException(file, "unsupported WAV variant '" + HeaderBytes.fourCc(head, 0)
                    + "' (big-endian or 64-bit RIFF); convert to a plain WAV");
        }
        if (FileSniffer.startsWith(head, n, "FORM")) {
            return AiffParser.parse(file, ch);
        }
        if (FileSniffer.startsWith(head, n, ".snd")) {
            return AuParser.parse(file, ch);
        }
        throw new AudioFileException(file, "not a WAV, AIFF or AU audio file (looks like "
                + FileSniffer.describe(head, n) + ")");
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

    private static AudioClip readSamples(Path file, FileChannel ch, SampleLayout layout, long maxSamples)
            throws IOException {
        WavFormat format = layout.format();
        long frames = layout.frames();
        checkSize(file, frames, format.channels(), format.sampleRate(), maxSamples);
        float[][] channels = new float[format.channels()][(int) frames];
        PcmFrameDecoder decoder = new PcmFrameDecoder(format.encoding(), format.bytesPerSample(), format.channels(),
                layout.bigEndian());
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
        AudioFileInfo info = new AudioFileInfo(layout.container(), format.encoding(), layout.storedBits(),
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
