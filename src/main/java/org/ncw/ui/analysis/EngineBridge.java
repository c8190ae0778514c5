package org.ncw.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.QualityScores;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.production.ProductionChain;

/**
 * Where the workbench reads and writes audio and draws spectra with the engine. Settings go through
 * {@link ParameterSet#toOptions()} (the experiment); everything else in the UI works on {@link Signal} and
 * {@link Spectrum}.
 */
public final class EngineBridge {
    private EngineBridge() {
    }

    public static Signal read(Path file) throws IOException {
        return AudioReader.readMono(file);
    }

    /** Reads a recording as mono together with its channel count and the reader's repair notes. */
    public static Recording readRecording(Path file) throws IOException {
        org.ncw.engine.audio.AudioClip clip = AudioReader.read(file);
        java.util.List<Signal> perChannel = new java.util.ArrayList<>();
        for (int c = 0; c < clip.channelCount() && clip.channelCount() > 1; c++) {
            perChannel.add(clip.channel(c));
        }
        return new Recording(clip.toMono(), clip.channelCount(), clip.info().notes(), perChannel);
    }

    /** The duration of a WAV file from its header, or 0 when it is not a readable WAV (the normal path reports it). */
    public static double wavSeconds(Path file) {
        try {
            org.ncw.engine.audio.AudioFileInfo info = AudioReader.readInfo(file);
            return info.container() == org.ncw.engine.audio.AudioContainer.WAV && info.sampleRate() > 0
                    ? (double) info.frames() / info.sampleRate() : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** One span of a WAV recording as mono, read without the rest of the file. */
    public static Signal readSpan(Path file, double startSeconds, double seconds) throws IOException {
        int rate = AudioReader.readInfo(file).sampleRate();
        return new Signal(org.ncw.engine.audio.RecordingOverview.readSpan(file, startSeconds, seconds,
                org.ncw.engine.audio.ChannelSelection.mixDown()), rate);
    }

    /** The whole recording's overview in one streaming pass (mono mix-down). */
    public static org.ncw.engine.audio.RecordingOverview overview(Path file, int columns, int rows,
                                                                  org.ncw.engine.core.CancellationToken token)
            throws IOException {
        return org.ncw.engine.audio.RecordingOverview.compute(file, columns, rows,
                org.ncw.engine.audio.ChannelSelection.mixDown(),
                org.ncw.engine.core.TaskMonitor.of(org.ncw.engine.core.ProgressListener.NONE, token));
    }

    public static void writeWav(Signal signal, Path file, boolean float32) throws IOException {
        AudioWriter.write(signal, file, float32 ? SampleFormat.FLOAT32 : SampleFormat.PCM16, WriteMode.OVERWRITE);
    }

    /** As above, into a reserved target of a set of outputs that appear together. */
    public static void writeWav(Signal signal, Path file, boolean float32, org.ncw.engine.io.OutputSet outputs)
            throws IOException {
        AudioWriter.write(signal, file, float32 ? SampleFormat.FLOAT32 : SampleFormat.PCM16, outputs);
    }

    /** STFT and 20 log10 |X| (librosa amplitude_to_db defaults: ref 1, 80 dB range). */
    public static Spectrum spectrum(Signal signal, StftOptions options, TaskMonitor monitor) {
        ComplexSpectrogram c = Stft.forward(signal, options, monitor);
        return new Spectrum(DbScale.defaults().amplitudeToDb(c.magnitude()), c.axes(), c.sampleRate());
    }

    /**
     * The spectrogram the view draws: window {@code window}, hop window/4, longer for long recordings so the grid
     * has at most about {@code maxFrames} columns (an hour at 16 kHz would otherwise need gigabytes).
     */
    public static Spectrum displaySpectrum(Signal signal, int window, int maxFrames) {
        int hop = Math.max(window / 4, (int) Math.ceil(signal.length() / (double) maxFrames));
        return spectrum(signal, StftOptions.of(window, hop, window), TaskMonitor.none());
    }

    /** The clustered grid of a pipeline result, for drawing. */
    public static Spectrum spectrum(SpectrogramMatrix analysis, int sampleRate) {
        return new Spectrum(analysis.values(), analysis.axes(), sampleRate);
    }

    /** A spectrum as the engine's dB matrix (what the label grid and table writers take). */
    public static SpectrogramMatrix dbMatrix(Spectrum s) {
        return new SpectrogramMatrix(s.db(), s.axes(), Intensity.DB);
    }

    /** The clustering part of the experiment (what ClusterPipeline and {@code ncw cluster} run). */
    public static ExperimentOptions experimentOptions(ParameterSet p) {
        return p.toOptions().clustering();
    }

    /** The production chain of the experiment (its preset changed by the fields that are not "preset"). */
    public static ProductionChain productionChain(ParameterSet p) {
        return p.toOptions().production().chain();
    }

    public static BlindDenoiserOptions denoiserOptions(ParameterSet p) {
        return p.toOptions().denoiser();
    }

    /** SI-SDR and STOI of an estimate against the clean reference. */
    public static QualityScores score(Signal estimate, Signal reference) {
        return QualityMetrics.score(reference, estimate);
    }
}
