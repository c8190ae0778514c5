package org.ncw.cli;

import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.ica.FastIcaOptions;
import org.ncw.engine.ica.LoudnessOptions;
import org.ncw.engine.ica.MixingMatrix;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.ica.SpeechRanking;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** The options shared by {@code ica} and {@code ica-batch}; defaults are the engine's (scikit-learn's). */
final class IcaOptionsMixin {
    private static final FastIcaOptions ICA = FastIcaOptions.defaults();
    private static final LoudnessOptions LOUDNESS = LoudnessOptions.defaults();

    @Option(names = "--algorithm", paramLabel = "parallel|deflation", converter = AlgorithmConverter.class,
            description = "FastICA algorithm (default: parallel).")
    FastIcaOptions.Algorithm algorithm = ICA.algorithm();

    @Option(names = "--contrast", paramLabel = "logcosh|exp|cube", converter = ContrastConverter.class,
            description = "Contrast function (default: logcosh).")
    FastIcaOptions.Contrast contrast = ICA.contrast();

    @Option(names = "--alpha", paramLabel = "A", description = "logcosh constant in [1, 2] (default: ${DEFAULT-VALUE}).")
    double alpha = ICA.alpha();

    @Option(names = "--tol", paramLabel = "TOL", description = "Convergence tolerance (default: ${DEFAULT-VALUE}).")
    double tol = ICA.tol();

    @Option(names = "--max-iter", paramLabel = "N", description = "Maximum iterations (default: ${DEFAULT-VALUE}).")
    int maxIter = ICA.maxIter();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random initial unmixing matrix (default: ${DEFAULT-VALUE}).")
    long seed = ICA.seed();

    @Option(names = "--restarts", paramLabel = "N", description = "FastICA runs from seeds SEED, SEED+1, ...; the converged one with the "
            + "highest negentropy is kept; 1 = a single scikit-learn-style run (default: ${DEFAULT-VALUE}).")
    int restarts = PairSeparationOptions.defaults().restarts();

    @Option(names = "--no-whiten", description = "Do not centre and whiten (inputs must already be white).")
    boolean noWhiten;

    @Option(names = "--mix", paramLabel = "a,b,c,d|study",
            description = "Mix the pair with [[a, b], [c, d]] before ICA; 'study' is the study's 1,0.5,0.5,1 "
                    + "(default: no mixing).")
    String mix;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Reference track for ranking (e.g. the clustered speech): the output correlating more "
                    + "with it is speech.")
    Path reference;

    @Option(names = "--clean", paramLabel = "REF",
            description = "Clean speech of the recording: report SI-SDR and STOI of the speech output (and of the "
                    + "inputs, as the baseline).")
    Path clean;

    @Option(names = "--ranking", paramLabel = "auto|flatness|modulation|reference",
            converter = RankingConverter.class,
            description = "Speech ranking rule: flatness = lower spectral flatness, modulation = deeper 2-8 Hz "
                    + "level modulation, reference = higher |r| with --reference; auto = reference when --reference "
                    + "is given, else flatness (default: auto).")
    SpeechRanking ranking = SpeechRanking.AUTO;

    @Option(names = "--target-rms", paramLabel = "DBFS", description = "Output RMS level (default: ${DEFAULT-VALUE}).")
    double targetRms = LOUDNESS.targetRmsDbfs();

    @Option(names = "--ceiling", paramLabel = "DBFS",
            description = "Output peak ceiling; the gain is lowered to respect it (default: ${DEFAULT-VALUE}).")
    double ceiling = LOUDNESS.ceilingDbfs();

    @Option(names = "--channel", paramLabel = "mix|N", description = "Channel of multichannel inputs (default: mix).")
    String channel = "mix";

    @Option(names = "--float", description = "Write 32-bit float WAV instead of 16-bit PCM.")
    boolean float32;

    @Option(names = {"--force", "--overwrite"}, description = "Replace existing output files (never an input).")
    boolean overwrite;

    PairSeparationOptions toOptions() {
        FastIcaOptions ica = new FastIcaOptions(algorithm, contrast, alpha, !noWhiten, tol, maxIter, seed, null);
        MixingMatrix m = mix == null ? null
                : mix.equalsIgnoreCase("study") ? MixingMatrix.study() : MixingMatrix.parse(mix);
        return new PairSeparationOptions(ica, m, ranking, new LoudnessOptions(targetRms, ceiling), restarts);
    }

    ChannelSelection channel() {
        return ChannelSelection.parse(channel);
    }

    SampleFormat format() {
        return float32 ? SampleFormat.FLOAT32 : SampleFormat.PCM16;
    }

    WriteMode writeMode() {
        return overwrite ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E v : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(v.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("'" + text + "' is not one of " + names);
        }
    }

    static final class AlgorithmConverter implements ITypeConverter<FastIcaOptions.Algorithm> {
        @Override
        public FastIcaOptions.Algorithm convert(String value) {
            return parse(FastIcaOptions.Algorithm.class, value);
        }
    }

    static final class ContrastConverter implements ITypeConverter<FastIcaOptions.Contrast> {
        @Override
        public FastIcaOptions.Contrast convert(String value) {
            return parse(FastIcaOptions.Contrast.class, value);
        }
    }

    static final class RankingConverter implements ITypeConverter<SpeechRanking> {
        @Override
        public SpeechRanking convert(String value) {
            return parse(SpeechRanking.class, value);
        }
    }
}
