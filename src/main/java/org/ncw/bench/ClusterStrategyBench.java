package org.ncw.bench;

import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.cluster.AdjustedRandIndex;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.ClustererFactory;
import org.ncw.engine.cluster.strategy.ClusteringStrategy;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.Spectral1D;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.cluster.strategy.StrategyOptions;
import org.ncw.engine.cluster.strategy.StrategyResult;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.dsp.Stft;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The five clustering workloads on the 11.4 s, 22050 Hz sample ({@code samples/speech-pink-22k.noisy.wav}
 * when run from the repository, else a synthetic clip of the same length): the timed part is the strategy (feature
 * rows, clustering, speech role per column), the STFTs are set-up. Notes give the agreement (adjusted Rand index)
 * of the fast path with the exact, scikit-learn-equivalent core clusterer on sampled columns, and peak heap.
 */
public final class ClusterStrategyBench implements BenchCase {
    static final Path SAMPLE = Path.of("samples", "speech-pink-22k.noisy.wav");
    private static final int SAMPLED_COLUMNS = 8;

    private final String name;
    private final Resolution resolution;
    private final StrategyOptions strategy;
    private final ClusterSettings settings;
    private final String target;
    private final double targetSeconds;
    private final boolean compareColumns;
    /** Combination rows: a 15 s clip, the clustered intensity magnitude, the role rule on dB. */
    private final boolean combination;
    private Table3D data;
    private org.ncw.engine.dsp.TfMatrix db;
    private String source = "";
    private String ariNote = "";
    private long peakHeap;
    private double cpuSeconds;

    private ClusterStrategyBench(String name, Resolution resolution, StrategyOptions strategy, ClusterSettings settings,
                                 String target, double targetSeconds, boolean compareColumns) {
        this(name, resolution, strategy, settings, target, targetSeconds, compareColumns, false);
    }

    private ClusterStrategyBench(String name, Resolution resolution, StrategyOptions strategy, ClusterSettings settings,
                                 String target, double targetSeconds, boolean compareColumns, boolean combination) {
        this.combination = combination;
        this.name = name;
        this.resolution = resolution;
        this.strategy = strategy;
        this.settings = settings;
        this.target = target;
        this.targetSeconds = targetSeconds;
        this.compareColumns = compareColumns;
    }

    /** The five rows of the table, in its order. */
    public static List<Supplier<BenchCase>> cases() {
        StrategyOptions column = StrategyOptions.defaults().withStrategy(StrategyKind.COLUMN);
        StrategyOptions complete = StrategyOptions.defaults().withStrategy(StrategyKind.COMPLETE);
        ClusterSettings rbf = ClusterSettings.defaults();
        // Lanczos instead of AUTO's dense solver below 1000 points: the same labels, several times faster
        ClusterSettings rbfLanczos = rbf.withSpectral(rbf.spectral().withEigenSolver(EigenSolver.LANCZOS));
        ClusterSettings knn = rbfLanczos.withSpectral(rbfLanczos.spectral().withAffinity(AffinityKind.NEAREST_NEIGHBORS));
        return List.of(
                () -> new ClusterStrategyBench("column-by-column, spectrogram, rbf", Resolution.REGULAR,
                        column, rbf, "<= 0.5 s", 0.5, true),
                () -> new ClusterStrategyBench("column-by-column, 3D table, rbf", Resolution.LOW,
                        column.withDataset(DatasetKind.TABLE3D), rbfLanczos, "<= 1 s", 1.0, false),
                () -> new ClusterStrategyBench("column-by-column, spectrogram, rbf (low)", Resolution.LOW,
                        column, rbf, "<= 0.05 s", 0.05, true),
                () -> new ClusterStrategyBench("complete, spectrogram matrix, kNN", Resolution.LOW,
                        complete, knn, "<= 0.01 s", 0.01, false),
                () -> new ClusterStrategyBench("complete, full-resolution 3D table, kNN", Resolution.REGULAR,
                        complete.withDataset(DatasetKind.TABLE3D), knn.withSpectral(knn.spectral().withNInit(1)),
                        "<= 60 s", 60.0, false));
    }

    /**
     * Every dataset x strategy x clusterer (spectral: x affinity x label assignment) on a 15 s clip at 22050 Hz
     * (the worst case of the GUI's targets): low grid <= 1 s each, regular grid <= 5 s for column-by-column.
     * Complete problems that the strategy refuses up front (dense rbf or Ward on the 3-D table) are not listed.
     */
    public static List<Supplier<BenchCase>> combinations() {
        List<Supplier<BenchCase>> cases = new ArrayList<>();
        List<ClusterSettings> clusterers = new ArrayList<>();
        ClusterSettings spectral = ClusterSettings.defaults();
        for (AffinityKind affinity : List.of(AffinityKind.RBF, AffinityKind.NEAREST_NEIGHBORS)) {
            for (org.ncw.engine.cluster.LabelAssignment labels : org.ncw.engine.cluster.LabelAssignment.values()) {
                clusterers.add(spectral.withSpectral(spectral.spectral().withAffinity(affinity)
                        .withAssignLabels(labels)));
            }
        }
        for (ClusterSettings.Algorithm a : List.of(ClusterSettings.Algorithm.KMEANS, ClusterSettings.Algorithm.WARD,
                ClusterSettings.Algorithm.GMM)) {
            clusterers.add(spectral.withAlgorithm(a));
        }
        for (Resolution grid : List.of(Resolution.LOW, Resolution.REGULAR)) {
            for (StrategyKind kind : StrategyKind.values()) {
                if (grid == Resolution.REGULAR && kind == StrategyKind.COMPLETE) {
                    continue;
                }
                for (DatasetKind dataset : DatasetKind.values()) {
                    for (ClusterSettings c : clusterers) {
                        boolean refused = kind == StrategyKind.COMPLETE && dataset == DatasetKind.TABLE3D
                                && (c.algorithm() == ClusterSettings.Algorithm.WARD
                                || c.algorithm() == ClusterSettings.Algorithm.SPECTRAL
                                && c.spectral().affinity() == AffinityKind.RBF);
                        if (refused) {
                            continue;
                        }
                        String what = c.algorithm() == ClusterSettings.Algorithm.SPECTRAL
                                ? "spectral " + lower(c.spectral().affinity()) + " " + lower(c.spectral().assignLabels())
                                : lower(c.algorithm());
                        String name = String.format(Locale.ROOT, "combination %s, %s, %s, %s", grid == Resolution.LOW ? "low" : "regular",
                                lower(kind), lower(dataset), what);
                        double target = grid == Resolution.LOW ? 1.0 : 5.0;
                        StrategyOptions o = StrategyOptions.defaults().withStrategy(kind).withDataset(dataset);
                        cases.add(() -> new ClusterStrategyBench(name, grid, o, c, "<= " + (int) target + " s", target,
                                false, true));
                    }
                }
            }
        }
        return cases;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace("nearest_neighbors", "knn");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String size() {
        return data == null ? "" : data.matrix().bins() + " x " + data.matrix().frames()
                + (strategy.strategy() == StrategyKind.COMPLETE && strategy.dataset() == DatasetKind.TABLE3D
                ? " = " + data.rowCount() + " pts" : "");
    }

    /** The dataset of {@link #setUp()} (for stage timing). */
    Table3D data() {
        return data;
    }

    ClusterSettings settings() {
        return settings;
    }

    StrategyOptions strategy() {
        return strategy;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public double targetSeconds() {
        return targetSeconds;
    }

    @Override
    public String group() {
        return "cluster";
    }

    @Override
    public void setUp() throws Exception {
        Signal signal;
        if (combination) {
            signal = synthetic(15.0);
            source = "synthetic 15 s";
            var stft = Stft.forward(signal, resolution.toStftOptions(), TaskMonitor.none());
            data = Table3D.of(stft.toMatrix(Intensity.MAGNITUDE, DbScale.defaults()));
            db = stft.toMatrix(Intensity.DB, DbScale.defaults()).values();
            return;
        }
        if (Files.isRegularFile(SAMPLE)) {
            signal = AudioReader.read(SAMPLE).toMono();
            source = SAMPLE.getFileName().toString();
        } else {
            signal = synthetic();
            source = "synthetic 11.4 s";
        }
        SpectrogramMatrix db = Stft.forward(signal, resolution.toStftOptions(), TaskMonitor.none())
                .toMatrix(Intensity.DB, DbScale.defaults());
        data = Table3D.of(db);
        if (compareColumns) {
            ariNote = agreementWithExactPath(db);
        }
    }

    @Override
    public Object run() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = processCpuNanos();
        ClusteringStrategy s = ClusteringStrategy.of(strategy, settings, ClustererFactory.core());
        StrategyResult r = combination ? s.fit(data, db, TaskMonitor.none()) : s.fit(data, TaskMonitor.none());
        cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        peakHeap = peak;
        return r;
    }

    @Override
    public String notes() {
        String path = strategy.strategy() == StrategyKind.COLUMN && strategy.dataset() == DatasetKind.MATRIX
                && settings.oneDimensionalFastPath() ? "Spectral1D q=" + settings.quantum() : "core "
                + settings.spectral().affinity().name().toLowerCase(Locale.ROOT) + " "
                + settings.spectral().eigenSolver().name().toLowerCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%s; %s; %slast run %.2f CPU s (all threads); heap peak %.2f GB", source,
                path, ariNote.isEmpty() ? "" : ariNote + "; ", cpuSeconds, peakHeap / 1e9);
    }

    /** CPU time of the whole process (all threads): a load-independent figure on a shared machine. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0L;
    }

    /**
     * ARI of the fast path against the core's exact dense rbf spectral clustering (checked against scikit-learn
     * by the core's fixtures) on evenly spaced columns.
     */
    private String agreementWithExactPath(SpectrogramMatrix db) {
        Spectral1D fast = new Spectral1D(settings.spectral1D());
        List<Double> aris = new ArrayList<>();
        for (int s = 0; s < SAMPLED_COLUMNS; s++) {
            int t = (int) ((s + 0.5) * db.frames() / SAMPLED_COLUMNS);
            double[] column = db.values().column(t);
            int[] exact = SpectralClusterer.fit(Points.ofColumn(column),
                    settings.spectral().withEigenSolver(EigenSolver.AUTO), TaskMonitor.none()).labels();
            aris.add(AdjustedRandIndex.of(exact, fast.cluster(column)));
        }
        double mean = aris.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        long good = aris.stream().filter(a -> a >= 0.95).count();
        return String.format(Locale.ROOT, "ARI vs exact: mean %.3f, %d/%d columns >= 0.95", mean, good, aris.size());
    }

    /** Speech-like harmonic bursts over pink-ish noise, 11.4 s at 22050 Hz (when the sample file is absent). */
    static Signal synthetic() {
        return synthetic(11.4);
    }

    /** As {@link #synthetic()}, of the given length. */
    static Signal synthetic(double seconds) {
        int rate = 22050;
        double[] x = new double[(int) (seconds * rate)];
        SplittableRandom r = new SplittableRandom(11);
        double b0 = 0;
        double b1 = 0;
        for (int i = 0; i < x.length; i++) {
            double w = r.nextGaussian();
            b0 = 0.99 * b0 + 0.1 * w;
            b1 = 0.6 * b1 + 0.3 * w;
            double t = i / (double) rate;
            double envelope = Math.max(0, Math.sin(2 * Math.PI * 0.7 * t));
            double f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.3 * t);
            double voice = 0;
            for (int h = 1; h <= 12; h++) {
                voice += Math.sin(2 * Math.PI * f0 * h * t) / h;
            }
            x[i] = 0.02 * (b0 + b1) + 0.2 * envelope * voice;
        }
        return new Signal(x, rate);
    }
}
