package org.ncw.engine.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ncw.engine.core.Checks;
import org.ncw.engine.core.TaskMonitor;

/** Builds the affinity graph of {@link SpectralClusterer} from points (sklearn's {@code affinity_matrix_}). */
public final class AffinityBuilder {
    /** Refuse graphs beyond this many stored entries rather than run out of heap halfway. */
    static final long MAX_SPARSE_ENTRIES = 400_000_000L;
    /**
     * kNN by brute force (all pairs) instead of the k-d tree from this many features on, up to
     * {@link #BRUTE_FORCE_MAX_POINTS} points: in high dimension the tree prunes almost nothing and only adds overhead.
     */
    static final int BRUTE_FORCE_MIN_DIMENSION = 8;
    static final int BRUTE_FORCE_MAX_POINTS = 2048;
    /** A dense n x n double matrix beyond this many entries does not fit the heap of a desktop JVM. */
    static final long MAX_DENSE_ENTRIES = 200_000_000L;

    private AffinityBuilder() {
    }

    /** The affinity of (already scaled) points as the options ask: rbf dense / rbf truncated / kNN. */
    public static AffinityMatrix build(Points points, SpectralOptions options, TaskMonitor monitor) {
        return switch (options.affinity()) {
            case RBF -> options.rbfTolerance() > 0
                    ? rbfSparse(points, options.gamma(), options.rbfTolerance(), monitor)
                    : rbfDense(points, options.gamma(), monitor);
            case NEAREST_NEIGHBORS -> knnGraph(points, options.nNeighbors(), monitor);
            case PRECOMPUTED -> throw new IllegalArgumentException(
                    "a precomputed affinity is the input itself; use SpectralClusterer.fitAffinity");
        };
    }

    /** Exact rbf kernel exp(-gamma * ||xi - xj||^2) for all pairs (sklearn {@code rbf_kernel}). */
    public static DenseAffinity rbfDense(Points points, double gamma, TaskMonitor monitor) {
        Checks.positive("gamma", gamma);
        int n = points.n();
        if ((long) n * n > MAX_DENSE_ENTRIES) {
            throw new IllegalArgumentException("a dense rbf affinity of " + n + " points needs " + (long) n * n
                    + " entries (" + ((long) n * n * 8 >> 20) + " MB); use rbfTolerance > 0 (sparse) or "
                    + "nearest_neighbors for more than " + (int) Math.sqrt(MAX_DENSE_ENTRIES) + " points");
        }
        int d = points.d();
        double[] x = points.data();
        double[] a = new double[n * n];
        int blocks = (n + 63) / 64;
        int[] done = new int[1];
        IntStream.range(0, blocks).parallel().forEach(b -> {
            int end = Math.min(n, (b + 1) * 64);
            for (int i = b * 64; i < end; i++) {
                int rowBase = i * n;
                a[rowBase + i] = 1.0;
                for (int j = i + 1; j < n; j++) {
                    double s = 0;
                    for (int t = 0; t < d; t++) {
                        double diff = x[i * d + t] - x[j * d + t];
                        s += diff * diff;
                    }
                    a[rowBase + j] = Math.exp(-gamma * s);
                }
            }
            synchronized (done) {
                monitor.step(++done[0], 2L * blocks);
            }
        });
        // mirror the upper triangle (row-wise writes were contiguous; this pass is a transpose copy)
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i * n + j] = a[j * n + i];
            }
        }
        monitor.step(1, 1);
        return new DenseAffinity(n, a);
    }

    /**
     * rbf weights at least {@code tolerance} (others dropped), as a sparse graph. A weight is kept when
     * ||xi - xj||^2 <= -ln(tolerance) / gamma; for one feature the values are sorted and only that window is
     * visited, for more features a k-d tree radius search finds it.
     */
    public static CsrMatrix rbfSparse(Points points, double gamma, double tolerance, TaskMonitor monitor) {
        Checks.positive("gamma", gamma);
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("rbfTolerance must be in (0, 1) for a sparse rbf graph, got " + tolerance);
        }
        int n = points.n();
        int d = points.d();
        double[] x = points.data();
        double r2 = -Math.log(tolerance) / gamma;
        int[][] rowCols = new int[n][];
        float[][] rowValues = new float[n][];
        long[] total = new long[1];
        if (d == 1) {
            int[] sorted = sortedOrder(x);
            double r = Math.sqrt(r2);
            // window [lo, hi) of sorted positions with |v - x_i| <= r, slid along the sorted values
            int lo = 0;
            int hi = 0;
            for (int s = 0; s < n; s++) {
                int i = sorted[s];
                double v = x[i];
                while (x[sorted[lo]] < v - r) {
                    lo++;
                }
                while (hi < n && x[sorted[hi]] <= v + r) {
                    hi++;
                }
                int len = hi - lo;
                total[0] += len;
                checkSize(total[0], n);
                int[] c = new int[len];
                float[] w = new float[len];
                for (int t = 0; t < len; t++) {
                    int j = sorted[lo + t];
                    double diff = x[j] - v;
                    c[t] = j;
                    w[t] = j == i ? 1f : (float) Math.exp(-gamma * diff * diff);
                }
                rowCols[i] = c;
                rowValues[i] = w;
                if ((s & 4095) == 0) {
                    monitor.step(s, n);
                }
            }
        } else {
            KdTree tree = new KdTree(points);
            int[] done = new int[1];
            CsrMatrix.parallel(n, i -> {
                double[] q = points.row(i);
                IntList found = new IntList();
                tree.withinRadius(q, r2, found::add);
                int[] c = found.toArray();
                float[] w = new float[c.length];
                for (int t = 0; t < c.length; t++) {
                    w[t] = c[t] == i ? 1f : (float) Math.exp(-gamma * points.squaredDistance(i, c[t]));
                }
                rowCols[i] = c;
                rowValues[i] = w;
                synchronized (done) {
                    total[0] += c.length;
                    checkSize(total[0], n);
                    if ((++done[0] & 4095) == 0) {
                        monitor.step(done[0], n);
                    }
                }
            });
        }
        monitor.step(1, 1);
        return CsrMatrix.fromRows(rowCols, rowValues);
    }

    private static void checkSize(long entries, int n) {
        if (entries > MAX_SPARSE_ENTRIES) {
            throw new IllegalArgumentException("the truncated rbf graph of " + n + " points exceeds "
                    + MAX_SPARSE_ENTRIES + " entries; raise rbfTolerance or gamma");
        }
    }

    /**
     * sklearn's {@code kneighbors_graph(X, n_neighbors, include_self=True)} symmetrised as 0.5 * (C + C^T): each
     * point is connected to itself and its k - 1 nearest other points. One feature: sorted values and a
     * two-pointer window; two (after dropping constant ones): {@link GridKnn2D}; more: a k-d tree.
     */
    public static CsrMatrix knnGraph(Points points, int nNeighbors, TaskMonitor monitor) {
        int[] neighbors = nearestNeighbors(points, nNeighbors, monitor);
        return CsrMatrix.symmetrizedKnn(points.n(), nNeighbors, neighbors);
    }

    /** Row i: i itself, then its k - 1 nearest other points (nearest first; ties to the lower index). */
    public static int[] nearestNeighbors(Points input, int k, TaskMonitor monitor) {
        int n = input.n();
        Checks.atLeast("nNeighbors", k, 1);
        if (k > n) {
            throw new IllegalArgumentException("nNeighbors (" + k + ") must not exceed the number of points (" + n + ")");
        }
        int others = k - 1;
        // a constant feature (a 3-D table column's frame) adds exact zeros to every distance: the lists do not change
        Points reduced = input.d() > 1 ? input.withoutConstantFeatures() : input;
        if (others > 0 && reduced.d() == 2) {
            monitor.step(1, 1);
            return GridKnn2D.nearestNeighbors(reduced.data(), n, k);
        }
        Points points = reduced.d() > 1 ? reduced : input;
        int[] out = new int[Math.multiplyExact(n, k)];
        if (points.d() == 1) {
            double[] x = points.data();
            int[] sorted = sortedOrder(x);
            for (int s = 0; s < n; s++) {
                int i = sorted[s];
                out[i * k] = i;
                int left = s - 1;
                int right = s + 1;
                for (int t = 1; t <= others; t++) {
                    boolean takeLeft;
                    if (left < 0) {
                        takeLeft = false;
                    } else if (right >= n) {
                        takeLeft = true;
                    } else {
                        double dl = x[i] - x[sorted[left]];
                        double dr = x[sorted[right]] - x[i];
                        takeLeft = dl < dr || (dl == dr && sorted[left] < sorted[right]);
                    }
                    out[i * k + t] = takeLeft ? sorted[left--] : sorted[right++];
                }
                if ((s & 65535) == 0) {
                    monitor.step(s, n);
                }
            }
        } else if (others > 0 && points.d() >= BRUTE_FORCE_MIN_DIMENSION && n <= BRUTE_FORCE_MAX_POINTS) {
            bruteForceNearest(points, k, out);
        } else if (others > 0) {
            KdTree tree = new KdTree(points);
            int[] order = tree.treeOrder();
            int chunk = 8192;
            int chunks = (n + chunk - 1) / chunk;
            int[] done = new int[1];
            IntStream.range(0, chunks).parallel().forEach(c -> {
                double[] heapDist = new double[others];
                int[] heapIdx = new int[others];
                double[] q = new double[points.d()];
                int end = Math.min(n, (c + 1) * chunk);
                for (int s = c * chunk; s < end; s++) {
                    int i = order[s];
                    System.arraycopy(points.data(), i * points.d(), q, 0, points.d());
                    out[i * k] = i;
                    tree.nearestOthers(q, i, others, out, i * k + 1, heapDist, heapIdx);
                }
                synchronized (done) {
                    monitor.step(++done[0], chunks);
                }
            });
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = i;
            }
        }
        monitor.step(1, 1);
        return out;
    }

    /**
     * All-pairs kNN for small n in high dimension. Each pair's squared distance is summed in feature order, like
     * {@link Points#squaredDistance} (bit-identical sums), over a feature-major copy of the points: for row i and
     * feature t the update {@code acc[j] += (x[i][t] - xT[t][j])^2} over j > i is an element-wise loop that C2
     * vectorises (a per-pair sum is a reduction, which it does not). Every pair is computed once and offered to
     * the neighbour lists of both its points; a list keeps the k - 1 smallest by (distance, index), so the result
     * does not depend on the order of the offers, and row blocks run in parallel with private lists merged after.
     */
    static void bruteForceNearest(Points points, int k, int[] out) {
        int n = points.n();
        int work = (int) Math.min(Integer.MAX_VALUE, (long) n * n * points.d() / 2);
        int tasks = work >= BRUTE_FORCE_PARALLEL_WORK ? Math.max(1, Math.min(n / 16,
                java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1)) : 1;
        bruteForceNearest(points, k, out, tasks);
    }

    /** Pair work (n^2 d / 2 differences) from which the brute-force kNN splits its rows over the cores. */
    static final int BRUTE_FORCE_PARALLEL_WORK = 2_000_000;

    /** {@link #bruteForceNearest(Points, int, int[])} with the rows in {@code tasks} blocks of equal pair work. */
    static void bruteForceNearest(Points points, int k, int[] out, int tasks) {
        int n = points.n();
        int d = points.d();
        int others = k - 1;
        double[] x = points.data();
        double[][] featureMajor = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                featureMajor[t][i] = x[i * d + t];
            }
        }
        // block b covers rows [bounds[b], bounds[b+1]) holding about 1/tasks of the triangle's pairs
        int[] bounds = new int[tasks + 1];
        bounds[tasks] = n;
        for (int b = 1; b < tasks; b++) {
            double remaining = Math.sqrt((double) (tasks - b) / tasks);
            bounds[b] = Math.max(bounds[b - 1], (int) Math.round(n - n * remaining));
        }
        NeighbourLists[] lists = new NeighbourLists[tasks];
        IntStream blocks = IntStream.range(0, tasks);
        (tasks > 1 ? blocks.parallel() : blocks).forEach(b -> {
            NeighbourLists mine = new NeighbourLists(n, others);
            double[] acc = new double[n];
            // rows descending and columns ascending: on data whose index order follows similarity (spectrogram
            // bins) the near pairs come first and the later, farther ones fail the lists' cheap threshold test
            for (int i = bounds[b + 1] - 1; i >= bounds[b]; i--) {
                distancesToLater(i, x, d, featureMajor, acc);
                mine.offerRow(i, acc, n);
            }
            lists[b] = mine;
        });
        for (int b = 1; b < tasks; b++) {
            lists[0].mergeFrom(lists[b]);
        }
        for (int i = 0; i < n; i++) {
            out[i * k] = i;
            System.arraycopy(lists[0].index, i * others, out, i * k + 1, others);
        }
    }

    /**
     * {@code acc[j]} = squared distance of points i and j for j > i, summed in feature order. A method per row
     * (not inlined in the caller's loop) so that the JIT compiles it fully after a few calls.
     */
    private static void distancesToLater(int i, double[] x, int d, double[][] featureMajor, double[] acc) {
        int n = acc.length;
        java.util.Arrays.fill(acc, i + 1, n, 0.0);
        int bi = i * d;
        for (int t = 0; t < d; t++) {
            double v = x[bi + t];
            double[] column = featureMajor[t];
            for (int j = i + 1; j < n; j++) {
                double e = v - column[j];
                acc[j] += e * e;
            }
        }
    }

    /** Per point, the {@code size} smallest (distance, index) pairs offered so far, ascending. */
    private static final class NeighbourLists {
        private final int size;
        final double[] distance;
        final int[] index;
        /** The last (largest) distance of each list, contiguous for the fast rejection test. */
        private final double[] worst;

        NeighbourLists(int n, int size) {
            this.size = size;
            distance = new double[n * size];
            index = new int[n * size];
            worst = new double[n];
            java.util.Arrays.fill(worst, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(index, Integer.MAX_VALUE);
        }

        void offer(int point, double dist, int other) {
            if (dist <= worst[point]) {
                accept(point, dist, other);
            }
        }

        /** Offers the pairs (i, j), j > i, with distances {@code row[j]} to the lists of both points. */
        void offerRow(int i, double[] row, int n) {
            // the threshold tests stay in this loop (no call per pair); only the few passing pairs call out
            double own = worst[i];
            for (int j = i + 1; j < n; j++) {
                double v = row[j];
                if (v <= own) {
                    accept(i, v, j);
                    own = worst[i];
                }
                if (v <= worst[j]) {
                    accept(j, v, i);
                }
            }
        }

        private void accept(int point, double dist, int other) {
            int base = point * size;
            int p = base + size - 1;
            if (dist == distance[p] && other > index[p]) {
                return;
            }
            while (p > base && (distance[p - 1] > dist || distance[p - 1] == dist && index[p - 1] > other)) {
                distance[p] = distance[p - 1];
                index[p] = index[p - 1];
                p--;
            }
            distance[p] = dist;
            index[p] = other;
            worst[point] = distance[base + size - 1];
        }

        void mergeFrom(NeighbourLists o) {
            for (int r = 0; r < o.distance.length; r++) {
                if (o.index[r] != Integer.MAX_VALUE) {
                    offer(r / size, o.distance[r], o.index[r]);
                }
            }
        }
    }

    /** Indices sorting {@code values} ascending, ties by index (a stable merge sort on primitive ints). */
    static int[] sortedOrder(double[] values) {
        int n = values.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    tmp[o++] = values[idx[j]] < values[idx[i]] ? idx[j++] : idx[i++];
                }
                while (i < mid) {
                    tmp[o++] = idx[i++];
                }
                while (j < hi) {
                    tmp[o++] = idx[j++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
        return idx;
    }

    /** A growable int array. */
    static final class IntList {
        private int[] a = new int[16];
        private int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
