package org.ncw.cli;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dataset.SpectralCentroid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dataset.Table3DFiles;
import org.ncw.engine.dataset.StreamedTable;
import org.ncw.engine.dataset.TableFormat;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ncw table FILE --out T.tsv}: the spectrogram as one row per time-frequency bin. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = {"Write the spectrogram of an audio file (mixed down to mono) as a table with one row per "
                + "time-frequency bin: frame, bin, time_s, freq_hz, intensity[, centroid_distance_hz].",
                "The format follows the extension: .tsv (tabs) or .csv (commas)."})
public final class TableCommand implements Callable<Integer> {
    enum ResolutionChoice { low, regular, custom }

    enum IntensityChoice { db, magnitude, power }

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

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "T.tsv|T.csv", description = "Table file to write.")
    Path out;

    @Option(names = "--resolution", defaultValue = "low", paramLabel = "low|regular|custom",
            description = "low: n_fft 1364, hop 3600; regular: n_fft 4096, hop 128; custom: --n-fft/--hop/--win "
                    + "(default ${DEFAULT-VALUE}).")
    ResolutionChoice resolution;

    @Option(names = "--intensity", defaultValue = "db", paramLabel = "db|magnitude|power",
            description = "Intensity column: dB of the magnitude, |X| or |X|^2 (default ${DEFAULT-VALUE}).")
    IntensityChoice intensity;

    @Option(names = "--centroid-distance",
            description = "Add centroid_distance_hz: |freq_hz - spectral centroid of the whole recording|.")
    boolean centroidDistance;

    @Option(names = "--force", description = "Replace the table if it exists (an input file is never replaced).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        StftOptions options = stftOptions();
        org.ncw.engine.dsp.DbScale scale = db.toDbScale();
        TableFormat format = TableFormat.forPath(out);
        OutputGuard guard = OutputGuard.protecting(input);
        WriteMode mode = OutputPaths.check(out, force, guard);
        Intensity kind = Intensity.valueOf(intensity.name().toUpperCase(Locale.ROOT));
        org.ncw.engine.audio.AudioFileInfo info = AudioReader.readInfo(input);
        if (info.container() == org.ncw.engine.audio.AudioContainer.WAV && info.frames() > 0) {
            // frame by frame from a WAV read block by block (twice when the dB floor or the centroid is needed)
            StreamedTable.Written written;
            try (TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr())) {
                written = StreamedTable.write(pass -> {
                    try (java.io.InputStream in = new java.io.BufferedInputStream(
                            java.nio.file.Files.newInputStream(input), 1 << 16)) {
                        org.ncw.engine.audio.WavStreamReader reader = org.ncw.engine.audio.WavStreamReader.open(in,
                                input);
                        org.ncw.engine.audio.ChannelSelection mix = org.ncw.engine.audio.ChannelSelection.mixDown();
                        pass.run((buf, off, max) -> reader.read(buf, off, max, mix));
                    }
                }, info.frames(), info.sampleRate(), options, kind, scale, centroidDistance, out, format, mode,
                        guard, progress.monitor());
            }
            String extra = centroidDistance
                    ? String.format(Locale.ROOT, ", spectral centroid %.1f Hz", written.centroidHz()) : "";
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "%s: %d rows = %d bins x %d frames (n_fft %d, hop %d, win %d), %s%s%n", out, written.rows(),
                    written.bins(), written.frames(), options.nFft(), options.hopLength(), options.winLength(),
                    kind.columnName(), extra);
            return 0;
        }
        MemoryBudget.TABLE.check(input);
        Signal signal = AudioReader.read(input).toMono();
        TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr());
        ComplexSpectrogram stft = Stft.forward(signal, options, progress.monitor());
        SpectrogramMatrix matrix = stft.toMatrix(kind, scale);
        Table3D table;
        String extra = "";
        if (centroidDistance) {
            double centroid = SpectralCentroid.ofRecordingHz(stft.magnitude(), matrix.axes());
            table = Table3D.withCentroidDistance(matrix, centroid);
            extra = String.format(Locale.ROOT, ", spectral centroid %.1f Hz", centroid);
        } else {
            table = Table3D.of(matrix);
        }
        Table3DFiles.write(table, out, format, mode, guard, progress.monitor());
        progress.close();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: %d rows = %d bins x %d frames (n_fft %d, hop %d, win %d), %s%s%n", out, table.rowCount(),
                stft.bins(), stft.frames(), options.nFft(), options.hopLength(), options.winLength(),
                kind.columnName(), extra);
        return 0;
    }

    private StftOptions stftOptions() {
        if (resolution != ResolutionChoice.custom && sizes.anyGiven()) {
            throw new InvalidParameterException("--n-fft/--hop/--win need --resolution custom (got --resolution "
                    + resolution + ")");
        }
        return switch (resolution) {
            case low -> Resolution.LOW.toStftOptions();
            case regular -> Resolution.REGULAR.toStftOptions();
            case custom -> sizes.toStftOptions();
        };
    }
}
