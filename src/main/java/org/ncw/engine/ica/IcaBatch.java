package org.ncw.engine.ica;

import org.ncw.engine.core.Csv;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.QualityScores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pair separation over every pair (i < j) of a set of signals, e.g. the result files of several strategies.
 * Each pair's outputs go to a {@link Sink} as soon as they exist (so a large batch is not held in memory), and a
 * {@link PairRow} per pair makes the summary table. A pair that cannot be separated (e.g. the same signal twice)
 * gets a row with its error; the others still run.
 */
public final class IcaBatch {
    private IcaBatch() {
    }

    /** One input: a short name (for the table and output file names) and its signal. */
    public record Input(String name, Signal signal) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(signal, "signal");
        }
    }

    /** Scores a speech estimate against the clean speech (aligned to each other): metric name to value. */
    @FunctionalInterface
    public interface CleanScorer {
        Map<String, Double> score(Signal estimate, Signal clean);
    }

    /** SI-SDR (dB) and STOI of the project's metrics package, as columns {@code si_sdr_db} and {@code stoi}. */
    public static final CleanScorer SI_SDR_AND_STOI = (estimate, clean) -> {
        QualityScores q = QualityMetrics.score(clean, estimate);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("si_sdr_db", q.siSdrDb());
        m.put("stoi", q.stoi());
        return m;
    };

    /** Receives each separated pair (e.g. to write its two outputs). */
    @FunctionalInterface
    public interface Sink {
        void accept(PairRow row, PairSeparationResult result) throws IOException;
    }

    /**
     * One line of the summary. For a failed pair, {@code error} says why and the numbers are NaN / 0.
     *
     * @param outputName    base name for the pair's files, {@code NN_A__B}
     * @param speechOutput  which ICA output (1 or 2) was ranked speech
     * @param speechMetrics the scorer's values for the speech output against the clean speech (empty without one)
     */
    public record PairRow(int pair, String inputA, String inputB, String outputName, int sampleRate, int samples,
                          List<String> alignment, int iterations, boolean converged, double lastChange,
                          int speechOutput, SpeechRanking ranking, double speechScore, double noiseScore,
                          Map<String, Double> speechMetrics, String error) {
        public PairRow {
            alignment = List.copyOf(alignment);
            speechMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(speechMetrics));
        }
    }

    /**
     * Every pair's row, the metric names in column order, and the same metrics of each input as it is (the
     * baseline a separation should beat; empty without a clean signal).
     */
    public record Result(List<PairRow> rows, List<String> metricNames, Map<String, Map<String, Double>> inputMetrics) {
        public Result {
            rows = List.copyOf(rows);
            metricNames = List.copyOf(metricNames);
            inputMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputMetrics));
        }

        public long failures() {
            return rows.stream().filter(r -> r.error() != null).count();
        }

        /** The summary as CSV (RFC 4180 quoting), one row per pair, metric columns last. */
        public String toCsv() {
            StringBuilder sb = new StringBuilder("pair,input_a,input_b,output,sample_rate,samples,iterations,converged,"
                    + "last_change,speech_output,ranking,speech_score,noise_score");
            for (String m : metricNames) {
                sb.append(',').append(Csv.field(m));
            }
            sb.append(",error\n");
            for (PairRow r : rows) {
                sb.append(r.pair()).append(',').append(Csv.field(r.inputA())).append(',')
                        .append(Csv.field(r.inputB())).append(',')
                        .append(Csv.field(r.outputName())).append(',').append(r.sampleRate()).append(',')
                        .append(r.samples()).append(',').append(r.iterations()).append(',').append(r.converged())
                        .append(',').append(number(r.lastChange())).append(',').append(r.speechOutput()).append(',')
                        .append(r.ranking() == null ? "" : r.ranking().name()).append(',')
                        .append(number(r.speechScore())).append(',').append(number(r.noiseScore()));
                for (String m : metricNames) {
                    Double v = r.speechMetrics().get(m);
                    sb.append(',').append(v == null ? "" : number(v));
                }
                sb.append(',').append(r.error() == null ? "" : Csv.field(r.error())).append('\n');
            }
            return sb.toString();
        }

        private static String number(double v) {
            return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
        }
    }

    /**
     * Runs every pair of {@code inputs} (at least two, distinct names).
     *
     * @param reference ranking reference (e.g. the clustered speech), or {@code null}
     * @param clean     clean speech for {@code scorer}, or {@code null} for no metrics
     * @param scorer    metrics of the speech output against {@code clean}; ignored without {@code clean}
     */
    public static Result run(List<Input> inputs, Signal reference, Signal clean, PairSeparationOptions options,
                             CleanScorer scorer, Sink sink, TaskMonitor monitor) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        if (inputs == null || inputs.size() < 2) {
            throw new InvalidParameterException("a batch needs at least 2 inputs, got "
                    + (inputs == null ? 0 : inputs.size()));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Input in : inputs) {
            if (!names.add(in.name())) {
                throw new InvalidParameterException("input names must be distinct, '" + in.name() + "' repeats");
            }
        }
        if (clean != null) {
            Objects.requireNonNull(scorer, "scorer (a clean signal was given)");
        }
        Map<String, Map<String, Double>> inputMetrics = new LinkedHashMap<>();
        if (clean != null) {
            for (Input in : inputs) {
                inputMetrics.put(in.name(), scoreAgainst(scorer, in.signal(), clean));
            }
        }
        int total = inputs.size() * (inputs.size() - 1) / 2;
        List<PairRow> rows = new ArrayList<>();
        Set<String> metricNames = new LinkedHashSet<>();
        int pair = 0;
        for (int i = 0; i < inputs.size(); i++) {
            for (int j = i + 1; j < inputs.size(); j++) {
                Input a = inputs.get(i);
                Input b = inputs.get(j);
                TaskMonitor sub = monitor.sub((double) pair / total, (double) (pair + 1) / total);
                pair++;
                String outputName = outputName(pair, a.name(), b.name());
                PairRow row;
                try {
                    AlignedPair aligned = AlignedPair.align(a.signal(), b.signal(), reference, sub.sub(0, 0.1));
                    PairSeparationResult res = PairSeparation.fit(aligned, options, sub.sub(0.1, 0.9));
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    if (clean != null) {
                        metrics.putAll(scoreAgainst(scorer, res.speech(), clean));
                        metricNames.addAll(metrics.keySet());
                    }
                    row = new PairRow(pair, a.name(), b.name(), outputName, aligned.sampleRate(), aligned.length(),
                            aligned.changes(), res.ica().iterations(), res.ica().converged(), res.ica().lastChange(),
                            res.speechComponent() + 1, res.rule(), res.speechScore(), res.noiseScore(), metrics, null);
                    sink.accept(row, res);
                } catch (IllegalArgumentException e) {
                    row = new PairRow(pair, a.name(), b.name(), outputName, 0, 0, List.of(), 0, false, Double.NaN, 0,
                            null, Double.NaN, Double.NaN, Map.of(), e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows.add(row);
                sub.done();
            }
        }
        return new Result(rows, new ArrayList<>(metricNames), inputMetrics);
    }

    /** The base name of pair {@code pair} (1-based, in the order i < j over the inputs): {@code NN_A__B}. */
    public static String outputName(int pair, String nameA, String nameB) {
        return String.format(java.util.Locale.ROOT, "%02d_%s__%s", pair, nameA, nameB);
    }

    /** The scorer's values for {@code estimate} against {@code clean}, after aligning rate and length. */
    public static Map<String, Double> scoreAgainst(CleanScorer scorer, Signal estimate, Signal clean) {
        AlignedPair aligned = AlignedPair.align(estimate, clean, null, TaskMonitor.none());
        return scorer.score(aligned.first(), aligned.second());
    }
}
