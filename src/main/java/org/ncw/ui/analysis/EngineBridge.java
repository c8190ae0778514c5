package org.ncw.ui.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.audio.WriteMode;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.DbScale;
import org.ncw.engine.dataset.GridStretcher;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dataset.TfMatrix;
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
import org.ncw.engine.mask.Masker;
import org.ncw.engine.mask.SeparatedSignals;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.QualityScores;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionDenoiser;

/**
 * The one place where the workbench calls the engine, translating a {@link ParameterSet} into engine options.
 * Everything else in the UI works on {@link Signal}, {@link Spectrum} and {@link LabelGrid}.
 */
public final class EngineBridge {
    private EngineBridge() {
    }

    public static Signal read(Path file) throws IOException {
        return AudioReader.readMono(file);
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
        return new Spectrum(DbScale.defaults().amplitudeToDb(c.magnitude()), c);
    }

    public static SpectralOptions spectralOptions(ParameterSet p) {
        return SpectralOptions.defaults()
                .withAffinity(affinity(p))
                .withGamma(p.real("gamma"))
                .withNNeighbors(p.integer("neighbors"))
                .withAssignLabels(LabelAssignment.valueOf(upper(p, "assignLabels")))
                .withEigenSolver(EigenSolver.valueOf(upper(p, "eigenSolver")))
                .withNInit(1)
                .withSeed(p.integer("seed"))
                .withScaling(FeatureScaling.valueOf(upper(p, "scaling")));
    }

    private static AffinityKind affinity(ParameterSet p) {
        return p.text("affinity").equals("rbf") ? AffinityKind.RBF : AffinityKind.NEAREST_NEIGHBORS;
    }

    private static String upper(ParameterSet p, String key) {
        return p.text(key).toUpperCase(Locale.ROOT);
    }

    /**
     * Spectral clustering of the grid into two clusters, then the louder cluster (mean dB) becomes SPEECH.
     * "column": each time column on its own (features: dB, plus frequency for the 3D table);
     * "complete": every bin at once (features: dB, or time, frequency and dB for the 3D table).
     */
    public static LabelGrid cluster(Spectrum spectrum, ParameterSet p, TaskMonitor monitor) {
        SpectralOptions options = spectralOptions(p);
        TfMatrix m = spectrum.db();
        boolean table = p.text("dataset").equals("table3d");
        int bins = m.bins();
        int[] labels = new int[m.values().length];
        if (p.text("strategy").equals("complete")) {
            int n = labels.length;
            int d = table ? 3 : 1;
            double[] x = new double[n * d];
            for (int f = 0; f < m.frames(); f++) {
                for (int b = 0; b < bins; b++) {
                    int i = f * bins + b;
                    if (table) {
                        x[3 * i] = spectrum.frameSeconds(f);
                        x[3 * i + 1] = spectrum.binHz(b);
                        x[3 * i + 2] = m.values()[i];
                    } else {
                        x[i] = m.values()[i];
                    }
                }
            }
            ClusteringResult r = SpectralClusterer.fit(new Points(n, d, x), options, monitor);
            assignRoles(r.labels(), m.values(), 0, n, labels);
        } else {
            int d = table ? 2 : 1;
            double[] x = new double[bins * d];
            for (int f = 0; f < m.frames(); f++) {
                monitor.step(f, m.frames());
                for (int b = 0; b < bins; b++) {
                    double v = m.values()[f * bins + b];
                    if (table) {
                        x[2 * b] = spectrum.binHz(b);
                        x[2 * b + 1] = v;
                    } else {
                        x[b] = v;
                    }
                }
                ClusteringResult r = SpectralClusterer.fit(new Points(bins, d, x.clone()), options, TaskMonitor.of(
                        org.ncw.engine.core.ProgressListener.NONE, monitor.token()));
                assignRoles(r.labels(), m.values(), f * bins, bins, labels);
            }
        }
        return new LabelGrid(bins, m.frames(), labels);
    }

    /** Maps raw cluster ids of values[from, from+n) to SPEECH (the louder cluster by mean dB) and NOISE. */
    private static void assignRoles(int[] raw, double[] values, int from, int n, int[] out) {
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < n; i++) {
            int c = raw[i] == 0 ? 0 : 1;
            sum[c] += values[from + i];
            count[c]++;
        }
        double m0 = count[0] == 0 ? Double.NEGATIVE_INFINITY : sum[0] / count[0];
        double m1 = count[1] == 0 ? Double.NEGATIVE_INFINITY : sum[1] / count[1];
        int speechId = m1 > m0 ? 1 : 0;
        for (int i = 0; i < n; i++) {
            out[from + i] = (raw[i] == 0 ? 0 : 1) == speechId ? LabelGrid.SPEECH : LabelGrid.NOISE;
        }
    }

    /** Stretches the labels onto the masking grid, masks and resynthesises: {speech, residue}. */
    public static Signal[] separate(Spectrum clusterGrid, LabelGrid labels, Spectrum maskGrid, ParameterSet p,
                                    TaskMonitor monitor) {
        LabelGrid onMaskGrid = clusterGrid.complex().options().equals(maskGrid.complex().options()) ? labels
                : GridStretcher.stretch(labels, clusterGrid.complex().axes(), maskGrid.complex().axes());
        MaskOptions options = MaskOptions.defaults().withMode(MaskMode.valueOf(upper(p, "maskMode")))
                .withReduceFactor(p.real("reduction"));
        SeparatedSignals s = Masker.separate(maskGrid.complex(), onMaskGrid, options, monitor);
        return new Signal[] {s.speech(), s.residue()};
    }

    public static Signal production(Signal in, ParameterSet p, TaskMonitor monitor) {
        return ProductionDenoiser.fit(in, ProductionChain.preset(p.text("productionPreset")), monitor).output();
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
