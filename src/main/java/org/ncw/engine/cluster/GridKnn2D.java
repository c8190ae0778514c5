package org.ncw.engine.cluster;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact k nearest neighbours of two-dimensional points (a 3-D table column without its constant frame: bin and
 * intensity) on a cell grid cut at each feature's quantiles, about three points a cell. A query scans its own cell,
 * then grows a rectangle of cells one row or column at a time on the side nearest the query, until that side is
 * farther than the current k-th neighbour. Lists are the same as {@link KdTree}'s (distance summed in feature order,
 * ties to the lower index); on spectrogram columns this takes about half the tree's time, because the points crowd
 * along the noise floor where the tree's cells are long and thin.
 */
final class GridKnn2D {
    private static final double POINTS_PER_CELL = 3.0;
    private static final int QUERIES_PER_TASK = 8192;

    private final int g;
    private final double[] xs;
    private final double[] ys;
    /** Cell boundaries: column c covers [xBound[c], xBound[c + 1]), the outer ones infinite. */
    private final double[] xBound;
    private final double[] yBound;
    private final int[] cellX;
    private final int[] cellY;
    /** Points of cell (a, b) at slots cellStart[a g + b] .. cellStart[a g + b + 1], coordinates copied alongside. */
    private final int[] cellStart;
    private final int[] members;
    private final double[] memberX;
    private final double[] memberY;

    private GridKnn2D(double[] xy, int n) {
        g = Math.max(1, (int) Math.sqrt(n / POINTS_PER_CELL));
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        xBound = quantileBounds(xs, g);
        yBound = quantileBounds(ys, g);
        cellX = new int[n];
        cellY = new int[n];
        cellStart = new int[g * g + 1];
        for (int i = 0; i < n; i++) {
            cellX[i] = cell(xBound, g, xs[i]);
            cellY[i] = cell(yBound, g, ys[i]);
            cellStart[cellX[i] * g + cellY[i] + 1]++;
        }
        for (int c = 0; c < g * g; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, g * g);
        members = new int[n];
        memberX = new double[n];
        memberY = new double[n];
        for (int i = 0; i < n; i++) {
            int s = fill[cellX[i] * g + cellY[i]]++;
            members[s] = i;
            memberX[s] = xs[i];
            memberY[s] = ys[i];
        }
    }

    /**
     * Row i of the result: i itself, then its k - 1 nearest other points, nearest first (ties to the lower index), as
     * {@link AffinityBuilder#nearestNeighbors}. {@code xy} holds n points of two features, row-major.
     */
    static int[] nearestNeighbors(double[] xy, int n, int k) {
        GridKnn2D grid = new GridKnn2D(xy, n);
        int others = k - 1;
        int[] out = new int[Math.multiplyExact(n, k)];
        int tasks = (n + QUERIES_PER_TASK - 1) / QUERIES_PER_TASK;
        IntStream range = IntStream.range(0, tasks);
        (tasks > 1 ? range.parallel() : range).forEach(t -> {
            double[] dist = new double[others];
            int[] idx = new int[others];
            for (int i = t * QUERIES_PER_TASK, end = Math.min(n, i + QUERIES_PER_TASK); i < end; i++) {
                grid.query(i, others, dist, idx);
                out[i * k] = i;
                System.arraycopy(idx, 0, out, i * k + 1, others);
            }
        });
        return out;
    }

    private void query(int self, int others, double[] dist, int[] idx) {
        double qx = xs[self];
        double qy = ys[self];
        int x0 = cellX[self];
        int x1 = x0;
        int y0 = cellY[self];
        int y1 = y0;
        int size = scan(x0, x0, y0, y0, qx, qy, self, dist, idx, 0, others);
        // the same rectangle growth as WardChain.PlaneClusters.nearest, kept inline in both: an object for the
        // rectangle made both searches 10-20 % slower
        while (true) {
            double left = x0 > 0 ? qx - xBound[x0] : Double.POSITIVE_INFINITY;
            double right = x1 < g - 1 ? xBound[x1 + 1] - qx : Double.POSITIVE_INFINITY;
            double below = y0 > 0 ? qy - yBound[y0] : Double.POSITIVE_INFINITY;
            double above = y1 < g - 1 ? yBound[y1 + 1] - qy : Double.POSITIVE_INFINITY;
            double nearest = Math.min(Math.min(left, right), Math.min(below, above));
            if (nearest == Double.POSITIVE_INFINITY || size == others && nearest * nearest > dist[others - 1]) {
                break;
            }
            if (nearest == left) {
                size = scan(--x0, x0, y0, y1, qx, qy, self, dist, idx, size, others);
            } else if (nearest == right) {
                size = scan(++x1, x1, y0, y1, qx, qy, self, dist, idx, size, others);
            } else if (nearest == below) {
                size = scan(x0, x1, --y0, y0, qx, qy, self, dist, idx, size, others);
            } else {
                size = scan(x0, x1, ++y1, y1, qx, qy, self, dist, idx, size, others);
            }
        }
        if (size < others) {
            throw new IllegalStateException("fewer than " + others + " other points");
        }
    }

    /** Offers the points of cells [ax, bx] x [ay, by] to the sorted list dist/idx of {@code size} entries. */
    private int scan(int ax, int bx, int ay, int by, double qx, double qy, int self, double[] dist,
                     int[] idx, int size, int others) {
        for (int a = ax; a <= bx; a++) {
            size = scanSlots(cellStart[a * g + ay], cellStart[a * g + by + 1], qx, qy, self, dist, idx,
                    size, others);
        }
        return size;
    }

    /** Offers the points at slots [from, to) (consecutive cells of one grid column) to the sorted list. */
    private int scanSlots(int from, int to, double qx, double qy, int self, double[] dist, int[] idx,
                          int size, int others) {
        for (int s = from; s < to; s++) {
            int id = members[s];
            if (id == self) {
                continue;
            }
            double ex = memberX[s] - qx;
            double ey = memberY[s] - qy;
            size = insert(ex * ex + ey * ey, id, dist, idx, size, others);
        }
        return size;
    }

    /** Inserts (d, id) into the list sorted by distance then index, keeping at most {@code others}; the new size. */
    private static int insert(double d, int id, double[] dist, int[] idx, int size, int others) {
        if (size == others) {
            double last = dist[others - 1];
            if (d > last || d == last && id > idx[others - 1]) {
                return size;
            }
            size--;
        }
        int p = size;
        while (p > 0 && (dist[p - 1] > d || dist[p - 1] == d && idx[p - 1] > id)) {
            dist[p] = dist[p - 1];
            idx[p] = idx[p - 1];
            p--;
        }
        dist[p] = d;
        idx[p] = id;
        return size + 1;
    }

    /** Cell boundaries at the values' g-quantiles: cell c covers [b[c], b[c + 1]), the outer bounds infinite. */
    static double[] quantileBounds(double[] v, int g) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] b = new double[g + 1];
        b[0] = Double.NEGATIVE_INFINITY;
        b[g] = Double.POSITIVE_INFINITY;
        for (int c = 1; c < g; c++) {
            b[c] = sorted[(int) ((long) c * v.length / g)];
        }
        return b;
    }

    /** The last of g cells whose lower bound is at most v. */
    static int cell(double[] bound, int g, double v) {
        int lo = 0;
        int hi = g - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bound[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
