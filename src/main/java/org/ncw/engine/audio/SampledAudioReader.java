package org.ncw.engine.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads AIFF and AU through javax.sound.sampled (mu-law/A-law are expanded to 16-bit PCM by the JDK). */
final class SampledAudioReader {
    private SampledAudioReader() {
    }

    static AudioClip read(Path file, AudioContainer container, long fileSize, long maxSamples) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream original = AudioSystem.getAudioInputStream(in)) {
            AudioFormat stored = original.getFormat();
            SampleEncoding encoding = encodingOf(file, stored.getEncoding());
            AudioInputStream pcm = original;
            if (encoding == SampleEncoding.MU_LAW || encoding == SampleEncoding.A_LAW) {
                pcm = AudioSystem.getAudioInputStream(AudioFormat.Encoding.PCM_SIGNED, original);
            }
            AudioFormat format = pcm.getFormat();
            int channels = format.getChannels();
            int rate = Math.round(format.getSampleRate());
            if (channels <= 0) {
                throw new AudioFileException(file, "invalid header: zero channels");
            }
            if (rate <= 0) {
                throw new AudioFileException(file, "invalid header: sample rate " + format.getSampleRate() + " Hz");
            }
            int bytesPerSample = format.getSampleSizeInBits() / 8;
            int frameBytes = bytesPerSample * channels;
            long frames = original.getFrameLength();
            if (frames == AudioSystem.NOT_SPECIFIED || frames < 0) {
                frames = fileSize / Math.max(1, stored.getFrameSize());
            }
            AudioReader.checkSize(file, frames, channels, rate, maxSamples);
            byte[] bytes = pcm.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, frames * frameBytes));
            long got = bytes.length / frameBytes;
            AudioReader.checkSize(file, got, channels, rate, maxSamples);
            float[][] data = new float[channels][(int) got];
            SampleEncoding decoded = encoding == SampleEncoding.FLOAT ? SampleEncoding.FLOAT
                    : encoding == SampleEncoding.PCM_UNSIGNED ? SampleEncoding.PCM_UNSIGNED : SampleEncoding.PCM_SIGNED;
            new PcmFrameDecoder(decoded, bytesPerSample, channels, format.isBigEndian()).decode(bytes, (int) got, data, 0);
            List<String> notes = got < frames ? List.of("header declares " + frames + " frames but only " + got
                    + " are present; read those") : List.of();
            AudioFileInfo info = new AudioFileInfo(container, encoding, stored.getSampleSizeInBits(), channels, rate,
                    got, file, notes);
            return new AudioClip(data, rate, info);
        } catch (UnsupportedAudioFileException e) {
            throw new AudioFileException(file, "unsupported or damaged " + container + " file (the JDK cannot read it: "
                    + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new AudioFileException(file, "unsupported " + container + " encoding: " + e.getMessage(), e);
        }
    }

    private static SampleEncoding encodingOf(Path file, AudioFormat.Encoding e) throws AudioFileException {
        if (AudioFormat.Encoding.PCM_SIGNED.equals(e)) {
            return SampleEncoding.PCM_SIGNED;
        }
        if (AudioFormat.Encoding.PCM_UNSIGNED.equals(e)) {
            return SampleEncoding.PCM_UNSIGNED;
        }
        if (AudioFormat.Encoding.PCM_FLOAT.equals(e)) {
            return SampleEncoding.FLOAT;
        }
        if (AudioFormat.Encoding.ULAW.equals(e)) {
            return SampleEncoding.MU_LAW;
        }
        if (AudioFormat.Encoding.ALAW.equals(e)) {
            return SampleEncoding.A_LAW;
        }
        throw new AudioFileException(file, "unsupported encoding: " + e);
    }
}
