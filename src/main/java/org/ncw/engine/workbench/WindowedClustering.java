package org.ncw.engine.workbench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ncw.engine.cluster.strategy.ClusterDiagnostics;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.pipeline.ExperimentResult;
import org.ncw.engine.stream.SampleSink;

/**
 * Column-by-column clustering of a recording of any length in bounded memory: the windows of {@link WindowedRunner}
 * (speech and noise written as they come, crossfaded at the joins), the clustering pipeline on each window, and the
 * analysis frames each window owns (those whose centre lies in its central part) handed on in order with their
 * absolute times, so a label file can be written as it goes. Each column is clustered on its own, so a column far
 * enough from a window's edges gets the labels it would get in a whole-file run; the windows' diagnostics are
 * combined (over every window's columns, margins included). A complete strategy clusters the whole spectrogram at
 * once and cannot run this way.
 */
public final class WindowedClustering {
    private WindowedClustering() {
    }

    /** Receives frames {@code from..to-1} of a window's analysis grid, which are frames {@code first..} overall. */
    @FunctionalInterface
    public interface FrameSink {
        void frames(SpectrogramMatrix db, LabelGrid labels, int from, int to, long first, double offsetSeconds)
                throws IOException;
    }

    /**
     * What a run did: the windows (as run: whole hops of the analysis grid), the analysis frames handed on, their
     * speech share and the combined diagnostics.
     */
    public record Summary(WindowedRunner.Summary run, WindowOptions windows, long frames, double speechFraction,
                          int bins, ClusterDiagnostics diagnostics) {
    }

    /**
     * Runs the column strategy of {@code options} over everything {@code source} holds; {@code speech} and
     * {@code noise} receive the separated signals, {@code frames} every analysis frame once, in order.
     */
    public static Summary run(ExperimentOptions options, WindowedRunner.SampleSource source, int sampleRate,
                              WindowOptions windows, SampleSink speech, SampleSink noise, FrameSink frames,
                              TaskMonitor monitor, long expectedSamples) throws IOException {
        Checks.notNull("options", options);
        if (options.strategy().strategy() != StrategyKind.COLUMN) {
            throw new InvalidParameterException("strategy " + options.strategy().strategy().name().toLowerCase(
                    java.util.Locale.ROOT) + " clusters the whole spectrogram at once and cannot run in windows; use"
                    + " the column strategy for long recordings");
        }
        // windows start on the analysis grid (central part and margin whole hops), so a window's frame j is frame
        // start / hop + j of the whole recording
        int hop = options.analysis().hopLength();
        long central = Math.max(1, Math.round(windows.windowSeconds() * sampleRate) / hop) * hop;
        long margin = Math.max(1, (Math.round(windows.marginSeconds() * sampleRate) + hop - 1) / hop) * hop;
        WindowOptions aligned = new WindowOptions((double) central / sampleRate, (double) margin / sampleRate,
                Math.min(windows.crossfadeSeconds(), Math.min(2.0 * margin, central) / sampleRate));
        Owner owner = new Owner(frames, sampleRate, hop, central, margin);
        Method<ExperimentOptions> method = new ClusteringMethod(StrategyKind.COLUMN,
                options.strategy().dataset(), options.mask().mode(), r -> {
                    try {
                        owner.window(r);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        WindowedRunner.Summary s;
        try {
            s = WindowedRunner.run(method, options, source, sampleRate, aligned, speech, noise, monitor,
                    expectedSamples);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        owner.finish();
        return new Summary(s, aligned, owner.frames, owner.cells == 0 ? 0 : (double) owner.speech / owner.cells,
                owner.bins, owner.diagnostics());
    }

    /** Which frames each window owns, handed on in order; the last window's rest once the run has ended. */
    private static final class Owner {
        private final FrameSink sink;
        private final double rate;
        private final long central;
        private final long margin;
        private final int hop;
        private int index;
        private SpectrogramMatrix pendingDb;
        private LabelGrid pendingLabels;
        private double pendingOffset;
        private long frames;
        private long cells;
        private long speech;
        private int bins;
        private final List<ClusterDiagnostics> diagnostics = new ArrayList<>();

        Owner(FrameSink sink, int rate, int hop, long central, long margin) {
            this.sink = sink;
            this.hop = hop;
            this.rate = rate;
            this.central = central;
            this.margin = margin;
        }

        void window(ExperimentResult r) throws IOException {
            long start = index == 0 ? 0 : index * central - margin;
            double offset = start / rate;
            // frame j of the window is frame start / hop + j overall (the windows start on the grid); it owns the
            // frames of its central part
            long base = start / hop;
            int frameCount = r.analysisDb().frames();
            int first = (int) Math.min(frameCount, Math.max(0, index * central / hop - base));
            int last = (int) Math.min(frameCount, Math.max(first, (index + 1) * central / hop - base));
            emit(r.analysisDb(), r.clustering().labels(), first, last, offset);
            // the frames after the central part belong to this window if it is the last: keep a copy of them only
            // (a few seconds), not the window's whole result
            pendingDb = slice(r.analysisDb(), last);
            pendingLabels = pendingDb == null ? null : sliceLabels(r.clustering().labels(), last);
            pendingOffset = offset;
            diagnostics.add(r.clustering().diagnostics());
            index++;
        }

        /** The last window also owns every frame after its central part. */
        void finish() throws IOException {
            if (pendingDb != null) {
                emit(pendingDb, pendingLabels, 0, pendingDb.frames(), pendingOffset);
                pendingDb = null;
            }
        }

        private static SpectrogramMatrix slice(SpectrogramMatrix m, int from) {
            int n = m.frames() - from;
            if (n <= 0) {
                return null;
            }
            TfMatrix v = TfMatrix.zeros(m.bins(), n);
            for (int t = 0; t < n; t++) {
                for (int b = 0; b < m.bins(); b++) {
                    v.set(b, t, m.values().get(b, from + t));
                }
            }
            double[] times = Arrays.copyOfRange(m.axes().frameTimesSeconds(), from, m.frames());
            return new SpectrogramMatrix(v, new TfAxes(times, m.axes().binFrequenciesHz()), m.intensity());
        }

        private static LabelGrid sliceLabels(LabelGrid g, int from) {
            int n = g.frames() - from;
            LabelGrid out = new LabelGrid(g.bins(), n, new int[g.bins() * n]);
            for (int t = 0; t < n; t++) {
                for (int b = 0; b < g.bins(); b++) {
                    out.set(b, t, g.get(b, from + t));
                }
            }
            return out;
        }

        private void emit(SpectrogramMatrix db, LabelGrid labels, int from, int to, double offset) throws IOException {
            if (to <= from) {
                return;
            }
            bins = labels.bins();
            sink.frames(db, labels, from, to, frames, offset);
            for (int t = from; t < to; t++) {
                for (int b = 0; b < labels.bins(); b++) {
                    speech += labels.get(b, t) == LabelGrid.SPEECH ? 1 : 0;
                }
            }
            cells += (long) (to - from) * labels.bins();
            frames += to - from;
        }

        /** The windows' diagnostics as one: sums, maxima, weighted means, and the median of the medians. */
        ClusterDiagnostics diagnostics() {
            if (diagnostics.isEmpty()) {
                return ClusterDiagnostics.none();
            }
            if (diagnostics.size() == 1) {
                return diagnostics.get(0);
            }
            int problems = 0;
            int worst = -1;
            int worstProblem = -1;
            long isolated = 0;
            double nearZero = 0;
            double degenerate = 0;
            long[] sizes = new long[0];
            double[] gaps = new double[diagnostics.size()];
            double[] gammas = new double[diagnostics.size()];
            Set<String> warnings = new LinkedHashSet<>();
            for (int i = 0; i < diagnostics.size(); i++) {
                ClusterDiagnostics d = diagnostics.get(i);
                problems += d.problems();
                if (d.worstComponents() > worst) {
                    worst = d.worstComponents();
                    worstProblem = -1; // a window's own column number; not a frame of the whole recording
                }
                isolated = isolated < 0 || d.isolatedPoints() < 0 ? -1 : isolated + d.isolatedPoints();
                nearZero += d.nearZeroWeightShare() * d.problems();
                degenerate += d.degenerateFraction() * d.problems();
                long[] s = d.clusterSizes();
                if (s.length > sizes.length) {
                    sizes = Arrays.copyOf(sizes, s.length);
                }
                for (int k = 0; k < s.length; k++) {
                    sizes[k] += s[k];
                }
                gaps[i] = d.eigenGap();
                gammas[i] = d.effectiveGamma();
                warnings.addAll(d.warnings());
            }
            return new ClusterDiagnostics(problems, worst, worstProblem, isolated,
                    problems == 0 ? Double.NaN : nearZero / problems, median(gaps), sizes,
                    problems == 0 ? 0 : degenerate / problems, median(gammas), new ArrayList<>(warnings));
        }

        private static double median(double[] v) {
            double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
            return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1]
                    + s[s.length / 2]) / 2;
        }
    }

    /**
     * An overview of the whole label grid in at most {@code columns} columns (each the maximum dB and the majority
     * label of the frames it pools), for a picture of a recording of any length.
     */
    public static final class Overview implements FrameSink {
        private final int framesPerColumn;
        private final List<double[]> db = new ArrayList<>();
        private final List<int[]> speechCount = new ArrayList<>();
        private final List<Double> times = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();
        private double[] binHz;
        private org.ncw.engine.dsp.Intensity intensity;

        /** Pools {@code ceil(expectedFrames / columns)} frames per column. */
        public Overview(long expectedFrames, int columns) {
            Checks.positive("columns", columns);
            this.framesPerColumn = (int) Math.max(1, (expectedFrames + columns - 1) / columns);
        }

        @Override
        public void frames(SpectrogramMatrix m, LabelGrid labels, int from, int to, long first, double offset) {
            if (binHz == null) {
                binHz = m.axes().binFrequenciesHz().clone();
                intensity = m.intensity();
            }
            int bins = labels.bins();
            for (int t = from; t < to; t++) {
                long global = first + (t - from);
                int column = (int) (global / framesPerColumn);
                while (db.size() <= column) {
                    double[] max = new double[bins];
                    Arrays.fill(max, Double.NEGATIVE_INFINITY);
                    db.add(max);
                    speechCount.add(new int[bins]);
                    times.add(offset + m.axes().timeSeconds(t));
                    counts.add(0);
                }
                double[] max = db.get(column);
                int[] sp = speechCount.get(column);
                for (int b = 0; b < bins; b++) {
                    max[b] = Math.max(max[b], m.values().get(b, t));
                    sp[b] += labels.get(b, t) == LabelGrid.SPEECH ? 1 : 0;
                }
                counts.set(column, counts.get(column) + 1);
            }
        }

        /** The pooled dB grid (null before any frame). */
        public SpectrogramMatrix spectrogram() {
            if (binHz == null) {
                return null;
            }
            int bins = binHz.length;
            int columns = db.size();
            TfMatrix v = TfMatrix.zeros(bins, columns);
            double[] t = new double[columns];
            for (int c = 0; c < columns; c++) {
                for (int b = 0; b < bins; b++) {
                    v.set(b, c, db.get(c)[b]);
                }
                t[c] = times.get(c);
            }
            return new SpectrogramMatrix(v, new TfAxes(t, binHz), intensity);
        }

        /** Speech where at least half the pooled frames are speech. */
        public LabelGrid labels() {
            int bins = binHz.length;
            LabelGrid g = new LabelGrid(bins, db.size(), new int[bins * db.size()]);
            for (int c = 0; c < db.size(); c++) {
                for (int b = 0; b < bins; b++) {
                    g.set(b, c, 2 * speechCount.get(c)[b] >= counts.get(c) ? LabelGrid.SPEECH : LabelGrid.NOISE);
                }
            }
            return g;
        }

        public int framesPerColumn() {
            return framesPerColumn;
        }
    }
}
