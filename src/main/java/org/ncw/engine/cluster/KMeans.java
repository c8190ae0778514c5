package org.ncw.engine.cluster;

import java.util.SplittableRandom;
import org.ncw.engine.core.TaskMonitor;

/**
 * k-means as scikit-learn's {@code KMeans(init="k-means++", algorithm="lloyd")}: greedy k-means++ seeding
 * (2 + ln k candidates per centre), Lloyd iterations until the labels stop changing or the squared centre
 * shift falls below tol * mean feature variance, empty clusters re-seeded with the farthest points, and the
 * lowest-inertia run of {@code nInit} kept. Two clusters of points that vary along one feature (a spectral
 * embedding of a connected graph: its first vector is constant) are found exactly instead ({@link #twoMeansAlong}).
 */
public final class KMeans {
    private KMeans() {
    }

    /** Labels, centres (k x d row-major), inertia (sum of squared distances) and iterations of the best run. */
    public record Result(int[] labels, double[] centers, double inertia, int iterations, int distinctPoints) {
    }

    /** Restarts run in parallel from this many point-features (n * d * nInit); below it the hand-off costs more. */
    static final long PARALLEL_RESTART_WORK = 2000;

    public static Result fit(Points points, int k, int nInit, int maxIter, double tol, long seed,
                             TaskMonitor monitor) {
        return fit(points, k, nInit, maxIter, tol, seed,
                nInit > 1 && (long) points.n() * points.d() * nInit >= PARALLEL_RESTART_WORK, monitor);
    }

    /**
     * @param parallel run the restarts in parallel: each restart's random stream is split from the seed in run
     *                 order first, and the best run is the lowest inertia, ties to the lower run number, so the
     *                 result equals the sequential one
     */
    static Result fit(Points points, int k, int nInit, int maxIter, double tol, long seed, boolean parallel,
                      TaskMonitor monitor) {
        int n = points.n();
        int d = points.d();
        if (n < k) {
            throw new IllegalArgumentException("n_samples=" + n + " should be >= n_clusters=" + k);
        }
        double[] x = points.data();
        int varying = k == 2 ? onlyVaryingFeature(x, n, d) : -1;
        if (varying >= 0) {
            monitor.step(1, 1);
            Result exact = twoMeansAlong(x, n, d, varying);
            return new Result(exact.labels(), exact.centers(), exact.inertia(), exact.iterations(),
                    points.countDistinct(k));
        }
        double tolAbs = tol * meanVariance(x, n, d);
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[nInit];
        for (int run = 0; run < nInit; run++) {
            streams[run] = master.split();
        }
        Result[] runs = new Result[nInit];
        int[] done = new int[1];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, nInit);
        (parallel ? range.parallel() : range).forEach(run -> {
            double[] centers = plusPlus(x, n, d, k, streams[run]);
            runs[run] = lloyd(x, n, d, k, centers, maxIter, tolAbs);
            synchronized (done) {
                monitor.step(++done[0], nInit);
            }
        });
        Result best = runs[0];
        for (int run = 1; run < nInit; run++) {
            if (runs[run].inertia() < best.inertia()) {
                best = runs[run];
            }
        }
        int distinct = points.countDistinct(k);
        return new Result(best.labels(), best.centers(), best.inertia(), best.iterations(), distinct);
    }

    /**
     * The one feature whose spread (max - min) is more than 1e-9 of the largest spread, or -1 when there are none or
     * several. The others change squared distances by under 1e-18 of that feature's: a spectral embedding's first
     * vector is constant but for rounding.
     */
    static int onlyVaryingFeature(double[] x, int n, int d) {
        double[] spread = new double[d];
        double widest = 0;
        for (int f = 0; f < d; f++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, x[i * d + f]);
                max = Math.max(max, x[i * d + f]);
            }
            spread[f] = max - min;
            widest = Math.max(widest, spread[f]);
        }
        int found = -1;
        for (int f = 0; f < d; f++) {
            if (spread[f] > 1e-9 * widest) {
                if (found >= 0) {
                    return -1;
                }
                found = f;
            }
        }
        return widest > 0 ? found : -1;
    }

    /**
     * The optimal two-means partition of points that vary along one feature only: in one dimension the clusters of
     * an optimum are the values below and above a split, so every split of the sorted values is tried (prefix sums
     * of centred values; splits only between distinct values). Lloyd's restarts approximate this optimum; here it is
     * exact, at the cost of one sort.
     */
    static Result twoMeansAlong(double[] x, int n, int d, int feature) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i * d + feature];
        }
        mean /= n;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = x[i * d + feature] - mean;
        }
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double total = 0;
        for (double c : sorted) {
            total += c;
        }
        // minimising the within sum of squares = maximising S_left^2 / m_left + S_right^2 / m_right
        double left = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double threshold = sorted[0];
        for (int m = 1; m < n; m++) {
            left += sorted[m - 1];
            if (sorted[m - 1] == sorted[m]) {
                continue;
            }
            double right = total - left;
            double score = left * left / m + right * right / (n - m);
            if (score > bestScore) {
                bestScore = score;
                threshold = sorted[m - 1];
            }
        }
        int[] labels = new int[n];
        int[] counts = new int[2];
        double[] centers = new double[2 * d];
        for (int i = 0; i < n; i++) {
            int c = v[i] <= threshold ? 0 : 1;
            labels[i] = c;
            counts[c]++;
            for (int f = 0; f < d; f++) {
                centers[c * d + f] += x[i * d + f];
            }
        }
        for (int c = 0; c < 2; c++) {
            for (int f = 0; f < d; f++) {
                centers[c * d + f] /= Math.max(1, counts[c]);
            }
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += sq(x, i * d, centers, labels[i] * d, d);
        }
        return new Result(labels, centers, inertia, 1, -1);
    }

    static double meanVariance(double[] x, int n, int d) {
        double total = 0;
        for (int f = 0; f < d; f++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + f];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double c = x[i * d + f] - mean;
                var += c * c;
            }
            total += var / n;
        }
        return total / d;
    }

    /** sklearn's {@code _kmeans_plusplus}: each new centre is the best of 2 + ln k D^2-sampled candidates. */
    static double[] plusPlus(double[] x, int n, int d, int k, SplittableRandom random) {
        double[] centers = new double[k * d];
        int trials = 2 + (int) Math.log(k);
        int first = random.nextInt(n);
        System.arraycopy(x, first * d, centers, 0, d);
        double[] closest = new double[n];
        double pot = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = sq(x, i * d, centers, 0, d);
            pot += closest[i];
        }
        double[] cumulative = new double[n];
        double[] candidateDist = new double[n];
        double[] bestDist = new double[n];
        for (int c = 1; c < k; c++) {
            double run = 0;
            for (int i = 0; i < n; i++) {
                run += closest[i];
                cumulative[i] = run;
            }
            double bestPot = Double.POSITIVE_INFINITY;
            int bestId = -1;
            for (int t = 0; t < trials; t++) {
                double target = random.nextDouble() * pot;
                int id = searchSorted(cumulative, target);
                double candPot = blockSum(n, (from, to) -> {
                    double s = 0;
                    for (int i = from; i < to; i++) {
                        candidateDist[i] = Math.min(closest[i], sq(x, i * d, x, id * d, d));
                        s += candidateDist[i];
                    }
                    return s;
                });
                if (candPot < bestPot) {
                    bestPot = candPot;
                    bestId = id;
                    System.arraycopy(candidateDist, 0, bestDist, 0, n);
                }
            }
            pot = bestPot;
            System.arraycopy(bestDist, 0, closest, 0, n);
            System.arraycopy(x, bestId * d, centers, c * d, d);
        }
        return centers;
    }

    private static final int BLOCK = 1 << 16;

    @FunctionalInterface
    private interface RangeSum {
        double sum(int from, int to);
    }

    /** Sum of per-block partial sums, blocks in parallel for large n (block order keeps the result reproducible). */
    private static double blockSum(int n, RangeSum body) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        if (blocks == 1) {
            return body.sum(0, n);
        }
        double[] partial = new double[blocks];
        java.util.stream.IntStream.range(0, blocks).parallel()
                .forEach(b -> partial[b] = body.sum(b * BLOCK, Math.min(n, (b + 1) * BLOCK)));
        double s = 0;
        for (double p : partial) {
            s += p;
        }
        return s;
    }

    /** numpy searchsorted(side="left"), clipped to the last index. */
    private static int searchSorted(double[] cumulative, double target) {
        int lo = 0;
        int hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo, cumulative.length - 1);
    }

    static Result lloyd(double[] x, int n, int d, int k, double[] centers, int maxIter, double tolAbs) {
        int[] labels = new int[n];
        int[] previous = new int[n];
        java.util.Arrays.fill(previous, -1);
        double[] dist = new double[n];
        double[] next = new double[k * d];
        int[] counts = new int[k];
        int iterations = 0;
        boolean strict = false;
        for (int it = 0; it < maxIter; it++) {
            iterations = it + 1;
            assign(x, n, d, k, centers, labels, dist);
            java.util.Arrays.fill(next, 0);
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int c = labels[i];
                counts[c]++;
                for (int f = 0; f < d; f++) {
                    next[c * d + f] += x[i * d + f];
                }
            }
            relocateEmpty(x, n, d, k, labels, dist, counts, next);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int f = 0; f < d; f++) {
                    double v = next[c * d + f] / counts[c];
                    double diff = v - centers[c * d + f];
                    shift += diff * diff;
                    centers[c * d + f] = v;
                }
            }
            if (java.util.Arrays.equals(labels, previous)) {
                strict = true;
                break;
            }
            if (shift <= tolAbs) {
                break;
            }
            System.arraycopy(labels, 0, previous, 0, n);
        }
        if (!strict) {
            assign(x, n, d, k, centers, labels, dist); // final E-step with the last centres
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += sq(x, i * d, centers, labels[i] * d, d);
        }
        return new Result(labels, centers, inertia, iterations, -1);
    }

    /** sklearn's {@code _relocate_empty_clusters}: empty clusters take the points farthest from their centre. */
    private static void relocateEmpty(double[] x, int n, int d, int k, int[] labels, double[] dist, int[] counts,
                                      double[] sums) {
        int empty = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return;
        }
        Integer[] byDistance = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDistance[i] = i;
        }
        java.util.Arrays.sort(byDistance, (a, b) -> Double.compare(dist[b], dist[a]));
        int next = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] != 0) {
                continue;
            }
            int far = byDistance[next++];
            int old = labels[far];
            if (counts[old] <= 1) {
                continue;
            }
            for (int f = 0; f < d; f++) {
                sums[old * d + f] -= x[far * d + f];
                sums[c * d + f] = x[far * d + f];
            }
            counts[old]--;
            counts[c] = 1;
            labels[far] = c;
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                counts[c] = 1; // fewer distinct points than clusters: keep the (zero) centre defined
            }
        }
    }

    static void assign(double[] x, int n, int d, int k, double[] centers, int[] labels, double[] dist) {
        CsrMatrix.parallelRanges(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double best = Double.POSITIVE_INFINITY;
                int arg = 0;
                for (int c = 0; c < k; c++) {
                    double s = sq(x, i * d, centers, c * d, d);
                    if (s < best) {
                        best = s;
                        arg = c;
                    }
                }
                labels[i] = arg;
                dist[i] = best;
            }
        });
    }

    static double sq(double[] a, int offA, double[] b, int offB, int d) {
        double s = 0;
        for (int f = 0; f < d; f++) {
            double diff = a[offA + f] - b[offB + f];
            s += diff * diff;
        }
        return s;
    }
}
