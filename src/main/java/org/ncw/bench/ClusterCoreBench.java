package org.ncw.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.ClusteringResult;
import org.ncw.engine.cluster.EigenSolver;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.cluster.Points;
import org.ncw.engine.cluster.SpectralClusterer;
import org.ncw.engine.cluster.SpectralOptions;
import org.ncw.engine.core.TaskMonitor;

/**
 * Micro-benchmark of the spectral clustering core on synthetic spectrogram-like data (no files needed).
 * {@code java -Xmx4g -cp target/classes:target/lib/* org.ncw.bench.ClusterCoreBench [case ...]} with cases
 * {@code dense1d} (rbf, one 683-bin column), {@code knn683x70} (kNN on a complete 683 x 70 (frame, bin, dB) table),
 * {@code knn1m}, {@code knn4m} (kNN on 1e6 / 4e6 (frame, bin, dB) rows), {@code knn4mstd} (the same, features
 * standardised first). Prints one line per case.
 */
public final class ClusterCoreBench {
    public static final int BINS = 683;

    private ClusterCoreBench() {
    }

    /** One measured case: wall time and the result (diagnostics hold the stage times). */
    public record Measurement(String name, int n, double seconds, double cpuSeconds, long heapMb,
                              ClusteringResult result) {
        @Override
        public String toString() {
            Map<String, Double> d = result.diagnostics();
            return String.format(Locale.ROOT, "%-8s n=%-8d total %.2f s wall, %.2f s CPU, heap peak <= %d MB (affinity %.2f s, embedding %.2f s, labels %.2f s)"
                            + " matVecs=%.0f residual=%.2g lambda=%s sizes=%s warnings=%s", name, n, seconds, cpuSeconds,
                    heapMb,
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
        String[] cases = args.length > 0 ? args : new String[] {"dense1d", "knn683x70", "knn1m"};
        for (String c : cases) {
            System.out.println(run(c));
        }
    }

    /** A case name, optionally with the data seed after a colon ({@code knn4m:5}). */
    public static Measurement run(String spec) {
        String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        long seed = spec.contains(":") ? Long.parseLong(spec.substring(spec.indexOf(':') + 1)) : 0;
        return switch (name) {
            case "dense1d" -> measure(name, Points.ofColumn(column(1 + seed)),
                    SpectralOptions.defaults().withGamma(0.02));
            case "knn683x70" -> measure(name, table(70, 2 + seed),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS));
            case "knn1m" -> measure(name, table(1_000_000 / BINS + 1, 3 + seed),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS));
            case "knn4m" -> measure(name, table(4_000_000 / BINS + 1, 4 + seed),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS));
            case "knn4mstd" -> measure(name, table(4_000_000 / BINS + 1, 4 + seed),
                    SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS)
                            .withScaling(FeatureScaling.STANDARDIZE));
            default -> throw new IllegalArgumentException("unknown case '" + name
                    + "'; expected dense1d, knn683x70, knn1m, knn4m or knn4mstd");
        };
    }

    public static Measurement measure(String name, Points points, SpectralOptions options) {
        System.gc();
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ClusteringResult r = SpectralClusterer.fit(points, options.withEigenSolver(EigenSolver.AUTO),
                TaskMonitor.none());
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Measurement(name, points.n(), wall, cpu, peak >> 20, r);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
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
