package org.ncw.cli;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.Signal;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.PooledSpectrogram;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;
import org.ncw.render.RenderOptions;
import org.ncw.render.SpectrogramRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ncw spectrogram FILE --png OUT}: a dB spectrogram image of an audio file. */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = {"Render the dB spectrogram of an audio file (mixed down to mono) as a PNG image.",
                "STFT: Hann window, centred frames, reflect padding (librosa's defaults)."})
public final class SpectrogramCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Mixin
    StftSizeOptions sizes;

    @Mixin
    DbScaleOptions db;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Audio file (WAV, AIFF, AU).")
    Path input;

    @Option(names = {"--png", "-o", "--out"}, required = true, paramLabel = "OUT", description = "PNG file to write.")
    Path png;

    @Option(names = "--log-freq", description = "Logarithmic frequency axis.")
    boolean logFrequency;

    @Option(names = "--width", defaultValue = "1200", paramLabel = "PX",
            description = "Image width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", paramLabel = "PX",
            description = "Image height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title line (default: the file name).")
    String title;

    @Option(names = "--force", description = "Replace OUT if it exists (an input file is never replaced).")
    boolean force;

    /**
     * Columns a long file's spectrogram is pooled to: four per pixel of the image, so the renderer's own
     * max-per-pixel step still has frames to choose from; a file with fewer frames is drawn frame by frame.
     */
    static int columnsFor(int width) {
        return Math.max(1024, 4 * width);
    }

    @Override
    public Integer call() throws Exception {
        StftOptions options = sizes.toStftOptions();
        org.ncw.engine.dsp.DbScale scale = db.toDbScale();
        RenderOptions look = RenderOptions.defaults().withSize(width, height).withLogFrequency(logFrequency)
                .withTitle(title != null ? title : input.getFileName().toString());
        OutputGuard guard = OutputGuard.protecting(input);
        WriteMode mode = OutputPaths.check(png, force, guard);
        org.ncw.engine.audio.AudioFileInfo info = org.ncw.engine.audio.AudioReader.readInfo(input);
        SpectrogramMatrix matrix;
        int frames;
        int rate;
        double seconds;
        String pooledNote = "";
        if (info.container() == org.ncw.engine.audio.AudioContainer.WAV && info.frames() > 0) {
            // block by block: memory for the image's columns, not the file's frames
            rate = info.sampleRate();
            seconds = info.durationSeconds();
            frames = options.frameCount(Math.toIntExact(Math.min(Integer.MAX_VALUE, info.frames())));
            int columns = columnsFor(width);
            try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(input),
                    1 << 16);
                 TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr())) {
                org.ncw.engine.audio.WavStreamReader reader = org.ncw.engine.audio.WavStreamReader.open(in, input);
                org.ncw.engine.audio.ChannelSelection mix = org.ncw.engine.audio.ChannelSelection.mixDown();
                matrix = PooledSpectrogram.compute((buf, off, max) -> reader.read(buf, off, max, mix),
                        info.frames(), rate, options, columns, Intensity.DB, scale, progress.monitor());
            }
            if (matrix.frames() < frames) {
                pooledNote = String.format(Locale.ROOT, " (pooled to %d columns, max per column)", matrix.frames());
            }
        } else {
            MemoryBudget.SPECTROGRAM.check(input);
            Signal signal = AudioReader.read(input).toMono();
            ComplexSpectrogram stft;
            try (TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr())) {
                stft = Stft.forward(signal, options, progress.monitor());
            }
            matrix = stft.toMatrix(Intensity.DB, scale);
            frames = stft.frames();
            rate = signal.sampleRate();
            seconds = signal.durationSeconds();
        }
        SpectrogramRenderer.writePng(SpectrogramRenderer.render(matrix, look), png, mode, guard);
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: %d bins x %d frames%s (n_fft %d, hop %d, win %d), %.2f s at %d Hz, %.1f to %.1f dB%n",
                png, matrix.bins(), frames, pooledNote, options.nFft(), options.hopLength(), options.winLength(),
                seconds, rate, matrix.values().min(), matrix.values().max());
        return 0;
    }
}
