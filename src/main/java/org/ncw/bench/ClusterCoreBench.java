package org.ncw.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.core.TaskMonitor;

/**
 * Micro-benchmark of the spectral clustering core on synthetic spectrogram-like data (no files needed).
 * {@code java -Xmx4g -cp target/classes:target/lib/* org.ncw.bench.ClusterCoreBench [case ...]} with cases
 * {@code dense1d} (rbf, one 683-bin column), {@code knn4700} (kNN on a complete 683 x 70 (frame, bin, dB) table),
 * {@code knn1m}, {@code knn4m} (kNN on 1e6 / 4e6 (frame, bin, dB) rows). Prints one line per case.
 */
public final class ClusterCoreBench {
    public static final int BINS = 683;

    private ClusterCoreBench() {
    }

    /** One measured case: wall time and the result (diagnostics hold the stage times). */
    public record Measurement(String name, int n, double seconds, ClusteringResult result) {
        @Override
        public String toString() {
            Map<String, Double> d = result.diagnostics();
            return String.format(Locale.ROOT, "%-8s n=%-8d total %.2f s (affinity %.2f s, embedding %.2f s, labels %.2f s)"
                            + " matVecs=%.0f residual=%.2g lambda=%s sizes=%s warnings=%s", name, n, seconds,
                    ms(d, "time.affinity.ms"), ms(d, "time.embedding.ms"), ms(d, "time.labels.ms"),
                    d.getOrDefault("eigen.matVecs", 0.0), d.getOrDefault("eigen.residual", 0.0),
                    eigenvalues(d), java.util.Arrays.toString(result.clusterSizes()), result.warnings());
        }

        private static double ms(Map<String, Double> d, String key) {
            return d.getOrDefault(key, 0.0) / 1000;
        }

        private static String eigenvalues(Map<String, Double> d) {
            StringBuilder s = new StringBuilder("[");
            for (int c = 0; d.containsKey("eigenvalue." + c); c++) {
                s.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", d.get("eigenvalue." + c)));
            }
            return s.append(']').toString();
        }
    }

    public static void main(String[] args) {
        String[] cases = args.length > 0 ? args : new String[] {"dense1d", "knn4700", "knn1m"};
        for (String c : cases) {
            System.out.println(run(c));
        }
    }

    public static Measurement run(String name) {
        return switch (name) {
            case "dense1d" -> measure(name, Points.ofColumn(column(1)),
                    SpectralOptions.defaults().withGamma(0.02));
            case "knn4700" -> measure(name, table(70, 2),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS));
            case "knn1m" -> measure(name, table(1_000_000 / BINS + 1, 3),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS).withNInit(1));
            case "knn4m" -> measure(name, table(4_000_000 / BINS + 1, 4),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS).withNInit(1));
            default -> throw new IllegalArgumentException("unknown case '" + name
                    + "'; expected dense1d, knn4700, knn1m or knn4m");
        };
    }

    public static Measurement measure(String name, Points points, SpectralOptions options) {
        long t0 = System.nanoTime();
        ClusteringResult r = SpectralClusterer.fit(points, options.withEigenSolver(EigenSolver.AUTO),
                TaskMonitor.none());
        return new Measurement(name, points.n(), (System.nanoTime() - t0) / 1e9, r);
    }

    /** dB values of one spectrogram column: a noise floor and louder harmonics. */
    public static double[] column(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] db = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            db[b] = db(b, 3, r);
        }
        return db;
    }

    /** A complete (frame, bin, dB) table of a synthetic spectrogram, frames x 683 rows. */
    public static Points table(int frames, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] data = new double[Math.multiplyExact(frames * BINS, 3)];
        int row = 0;
        for (int f = 0; f < frames; f++) {
            for (int b = 0; b < BINS; b++) {
                data[row * 3] = f;
                data[row * 3 + 1] = b;
                data[row * 3 + 2] = db(b, f, r);
                row++;
            }
        }
        return new Points(frames * BINS, 3, data);
    }

    /** Noise at about -60 dB; in "voiced" frames, harmonics of a 8-bin fundamental at about -20 dB. */
    private static double db(int bin, int frame, SplittableRandom r) {
        double noise = -60 + 4 * gauss(r);
        boolean voiced = (frame / 7) % 3 != 0;
        boolean harmonic = voiced && bin < 400 && bin % 8 <= 1;
        return harmonic ? -20 + 5 * gauss(r) - bin * 0.02 : noise;
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static Map<String, Measurement> runAll(String... names) {
        Map<String, Measurement> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, run(n));
        }
        return out;
    }
}
