package org.ncw.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.denoise.BlindDenoiser;
import org.ncw.engine.denoise.BlindDenoiserOptions;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.ComplexSpectrogram;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.dsp.Stft;
import org.ncw.engine.dsp.StftOptions;
import org.ncw.engine.ica.AlignedPair;
import org.ncw.engine.ica.FastIcaOptions;
import org.ncw.engine.ica.PairSeparation;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.ica.PairSeparationResult;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.mask.MaskOptions;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.QualityScores;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;
import org.ncw.engine.production.SpectralGate;
import org.ncw.engine.production.SpectralStage;

/**
 * The one place where the workbench calls the engine, translating a {@link ParameterSet} into engine options.
 * Everything else in the UI works on {@link Signal} and {@link Spectrum}.
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
        return new Recording(clip.toMono(), clip.channelCount(), clip.info().notes());
    }

    public static void writeWav(Signal signal, Path file, boolean float32) throws IOException {
        AudioWriter.write(signal, file, float32 ? SampleFormat.FLOAT32 : SampleFormat.PCM16, WriteMode.OVERWRITE);
    }

    /** The clustering grid chosen by the "resolution" parameter. */
    public static Resolution clusterResolution(ParameterSet p) {
        return p.text("resolution").equals("low") ? lowResolution(p) : regularResolution(p);
    }

    public static Resolution lowResolution(ParameterSet p) {
        return new Resolution(p.integer("lowNfft"), p.integer("lowHop"), p.integer("lowNfft"));
    }

    /** The masking grid: the study always masks and resynthesises on the regular grid. */
    public static Resolution regularResolution(ParameterSet p) {
        return new Resolution(p.integer("regularNfft"), p.integer("regularHop"), p.integer("regularNfft"));
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

    public static SpectralOptions spectralOptions(ParameterSet p) {
        return SpectralOptions.defaults()
                .withAffinity(affinity(p))
                .withGamma(p.real("gamma"))
                .withNNeighbors(p.integer("neighbors"))
                .withAssignLabels(LabelAssignment.valueOf(upper(p, "assignLabels")))
                .withEigenSolver(EigenSolver.valueOf(upper(p, "eigenSolver")))
                .withSeed(p.integer("seed"));
    }

    private static AffinityKind affinity(ParameterSet p) {
        return p.text("affinity").equals("rbf") ? AffinityKind.RBF : AffinityKind.NEAREST_NEIGHBORS;
    }

    private static String upper(ParameterSet p, String key) {
        return p.text(key).toUpperCase(Locale.ROOT);
    }

    /** The engine's experiment options for a parameter set (what ClusterPipeline runs and the CLI can load). */
    public static ExperimentOptions experimentOptions(ParameterSet p) {
        StrategyOptions strategy = StrategyOptions.defaults()
                .withDataset(DatasetKind.valueOf(upper(p, "dataset")))
                .withStrategy(StrategyKind.valueOf(upper(p, "strategy")))
                .withScaling(FeatureScaling.valueOf(upper(p, "scaling")))
                .withCentroidDistance(p.flag("centroidDistance"));
        ClusterSettings clusterer = ClusterSettings.defaults()
                .withAlgorithm(ClusterSettings.Algorithm.valueOf(upper(p, "algorithm")))
                .withSpectral(spectralOptions(p))
                .withExact(p.flag("exact"));
        MaskOptions mask = MaskOptions.defaults().withMode(MaskMode.valueOf(upper(p, "maskMode")))
                .withReduceFactor(p.real("reduction"));
        return ExperimentOptions.defaults().withAnalysis(clusterResolution(p)).withSynthesis(regularResolution(p))
                .withStrategy(strategy).withClusterer(clusterer).withMask(mask);
    }

    public static Signal production(Signal in, ParameterSet p, TaskMonitor monitor) {
        return ProductionDenoiser.fit(in, productionChain(p), monitor).output();
    }

    /**
     * The chosen preset changed stage by stage by the fields that are not "preset", in the order of the CLI's
     * {@code denoise --method production} overrides. An impossible change (an amount without a spectral stage, a
     * threshold without a gate) throws with a message naming the parameter.
     */
    public static ProductionChain productionChain(ParameterSet p) {
        ProductionChain chain = ProductionChain.preset(p.text("productionPreset"));
        OptionalDouble highPass = p.realOrPreset("productionHighPass");
        if (highPass.isPresent()) {
            chain = chain.withHighPass(highPass.getAsDouble());
        }
        OptionalDouble lowPass = p.realOrPreset("productionLowPass");
        if (lowPass.isPresent()) {
            chain = chain.withLowPass(lowPass.getAsDouble());
        }
        chain = switch (p.text("productionGate")) {
            case "off" -> chain.without(SpectralGate.class);
            case "stationary" -> chain.withGate(SpectralGate.Mode.STATIONARY);
            case "nonstationary" -> chain.withGate(SpectralGate.Mode.NONSTATIONARY);
            default -> chain;
        };
        OptionalDouble std = p.realOrPreset("productionThresholdStd");
        OptionalDouble db = p.realOrPreset("productionThresholdDb");
        if (std.isPresent() || db.isPresent()) {
            SpectralGate gate = chain.stages().stream().filter(SpectralGate.class::isInstance)
                    .map(SpectralGate.class::cast).findFirst().orElse(null);
            String key = std.isPresent() ? "productionThresholdStd" : "productionThresholdDb";
            if (gate == null) {
                throw new InvalidParameterException(key + ": a gate threshold needs a spectral gate in the chain,"
                        + " and this chain has none (choose a gate)");
            }
            chain = chain.withGateThreshold(std.orElse(gate.thresholdStd()), db.orElse(gate.thresholdDb()));
        }
        OptionalDouble amount = p.realOrPreset("productionAmount");
        if (amount.isPresent()) {
            if (chain.stages().stream().noneMatch(SpectralStage.class::isInstance)) {
                throw new InvalidParameterException("productionAmount: an amount needs a spectral stage (gate or"
                        + " noise floor) in the chain, and this chain has none");
            }
            chain = chain.withAmount(amount.getAsDouble());
        }
        return chain;
    }

    /** The blind denoiser's options: its defaults with the panel's principal settings. */
    public static BlindDenoiserOptions denoiserOptions(ParameterSet p) {
        return BlindDenoiserOptions.defaults().withFrameSeconds(p.real("denoiserFrameSeconds"))
                .withGainFloorDb(p.real("denoiserGainFloorDb"))
                .withPresenceThreshold(p.real("denoiserPresenceThreshold"))
                .withTrackingIterations(p.integer("denoiserTrackingIterations"))
                .withTransientThreshold(p.real("denoiserTransientThreshold"));
    }

    public static Signal denoise(Signal in, ParameterSet p, TaskMonitor monitor) {
        return BlindDenoiser.fit(in, denoiserOptions(p), monitor).enhanced();
    }

    /** FastICA on a pair: {speech-ranked output, the other output}. */
    public static Signal[] ica(Signal a, Signal b, Signal reference, ParameterSet p, TaskMonitor monitor) {
        FastIcaOptions ica = FastIcaOptions.defaults()
                .withContrast(FastIcaOptions.Contrast.valueOf(upper(p, "icaFunction")))
                .withAlgorithm(FastIcaOptions.Algorithm.valueOf(upper(p, "icaAlgorithm")));
        ica = ica.withTol(p.real("icaTol")).withMaxIter(p.integer("icaMaxIter")).withSeed(p.integer("seed"));
        AlignedPair pair = AlignedPair.align(a, b, reference, monitor.sub(0, 0.1));
        PairSeparationResult r = PairSeparation.fit(pair, PairSeparationOptions.defaults().withIca(ica),
                monitor.sub(0.1, 1));
        return new Signal[] {r.speech(), r.noise()};
    }

    /** SI-SDR and STOI of an estimate against the clean reference. */
    public static QualityScores score(Signal estimate, Signal reference) {
        return QualityMetrics.score(reference, estimate);
    }
}
