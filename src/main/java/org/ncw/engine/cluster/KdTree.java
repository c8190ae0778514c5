package org.ncw.engine.cluster;

import java.util.Arrays;

/**
 * A static k-d tree over flat points for exact k-nearest-neighbour and radius queries. The points are
 * copied into tree order so a leaf scan reads contiguous memory; splits are at the median of the widest
 * dimension. Queries are thread-safe.
 */
public final class KdTree {
    private static final int LEAF_SIZE = 12;

    private final int n;
    private final int d;
    /** Coordinates in tree order: slot s holds point {@code order[s]}. */
    private final double[] coords;
    private final int[] order;
    /** Per node (heap numbering from 1): split dimension, or -1 for a leaf. */
    private final int[] splitDim;
    private final double[] splitValue;

    public KdTree(Points points) {
        this.n = points.n();
        this.d = points.d();
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int nodes = 2;
        while (nodes < 4L * n / LEAF_SIZE + 4) {
            nodes <<= 1;
        }
        this.splitDim = new int[nodes];
        this.splitValue = new double[nodes];
        Arrays.fill(splitDim, -1);
        double[] src = points.data();
        build(src, 1, 0, n);
        this.coords = new double[n * d];
        for (int s = 0; s < n; s++) {
            System.arraycopy(src, order[s] * d, coords, s * d, d);
        }
    }

    public int size() {
        return n;
    }

    private void build(double[] src, int node, int lo, int hi) {
        if (hi - lo <= LEAF_SIZE || node * 2 + 1 >= splitDim.length) {
            return;
        }
        int dim = 0;
        double widest = -1;
        for (int t = 0; t < d; t++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int s = lo; s < hi; s++) {
                double v = src[order[s] * d + t];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > widest) {
                widest = max - min;
                dim = t;
            }
        }
        int mid = (lo + hi) >>> 1;
        select(src, dim, lo, hi - 1, mid);
        splitDim[node] = dim;
        splitValue[node] = src[order[mid] * d + dim];
        build(src, 2 * node, lo, mid);
        build(src, 2 * node + 1, mid, hi);
    }

    /** Quickselect on order[lo..hi] so that order[k] has the k-th smallest coordinate along dim. */
    private void select(double[] src, int dim, int lo, int hi, int k) {
        while (hi > lo) {
            double pivot = src[order[(lo + hi) >>> 1] * d + dim];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (src[order[i] * d + dim] < pivot) {
                    i++;
                }
                while (src[order[j] * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Point indices in tree order: querying in this order keeps successive queries close in memory. */
    public int[] treeOrder() {
        return order.clone();
    }

    /**
     * The {@code k} nearest other points of point {@code self} (excluding itself), nearest first, written to
     * {@code out[outOffset ..]}. Needs scratch arrays of length k.
     */
    public void nearestOthers(double[] query, int self, int k, int[] out, int outOffset, double[] heapDist,
                              int[] heapIdx) {
        Arrays.fill(heapDist, 0, k, Double.POSITIVE_INFINITY);
        Arrays.fill(heapIdx, 0, k, -1);
        knn(query, self, k, heapDist, heapIdx, 1, 0, n, 0.0, new double[d]);
        // heap -> ascending order
        for (int end = k - 1; end > 0; end--) {
            swap(heapDist, heapIdx, 0, end);
            siftDown(heapDist, heapIdx, 0, end);
        }
        for (int t = 0; t < k; t++) {
            if (heapIdx[t] < 0) {
                throw new IllegalStateException("fewer than " + k + " other points in the tree");
            }
            out[outOffset + t] = heapIdx[t];
        }
    }

    /**
     * Depth-first search with incremental box distances (Arya and Mount): {@code rd} is the squared distance from q
     * to this node's cell, {@code off[t]} the cell's offset from q along dimension t, so a far child is visited
     * only if its whole cell may hold a closer point.
     */
    private void knn(double[] q, int self, int k, double[] hd, int[] hi, int node, int lo, int hiSlot, double rd,
                     double[] off) {
        int dim = node < splitDim.length ? splitDim[node] : -1;
        if (dim < 0) {
            for (int s = lo; s < hiSlot; s++) {
                int idx = order[s];
                if (idx == self) {
                    continue;
                }
                double bound = hd[0];
                double dist = 0;
                int base = s * d;
                for (int t = 0; t < d && dist <= bound; t++) {
                    double diff = coords[base + t] - q[t];
                    dist += diff * diff;
                }
                if (dist < bound || (dist == bound && idx < hi[0])) {
                    hd[0] = dist;
                    hi[0] = idx;
                    siftDown(hd, hi, 0, k);
                }
            }
            return;
        }
        int mid = (lo + hiSlot) >>> 1;
        double diff = q[dim] - splitValue[node];
        int nearNode = diff < 0 ? 2 * node : 2 * node + 1;
        int farNode = diff < 0 ? 2 * node + 1 : 2 * node;
        int nearLo = diff < 0 ? lo : mid;
        int nearHi = diff < 0 ? mid : hiSlot;
        int farLo = diff < 0 ? mid : lo;
        int farHi = diff < 0 ? hiSlot : mid;
        knn(q, self, k, hd, hi, nearNode, nearLo, nearHi, rd, off);
        double old = off[dim];
        double farRd = rd - old * old + diff * diff;
        if (farRd <= hd[0]) {
            off[dim] = diff;
            knn(q, self, k, hd, hi, farNode, farLo, farHi, farRd, off);
            off[dim] = old;
        }
    }

    /** Max-heap on distance; among equal distances the larger index is on top (so smaller indices win ties). */
    private static void siftDown(double[] hd, int[] hi, int i, int size) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int big = (r < size && greater(hd, hi, r, l)) ? r : l;
            if (!greater(hd, hi, big, i)) {
                return;
            }
            swap(hd, hi, i, big);
            i = big;
        }
    }

    private static boolean greater(double[] hd, int[] hi, int a, int b) {
        return hd[a] > hd[b] || (hd[a] == hd[b] && hi[a] > hi[b]);
    }

    private static void swap(double[] hd, int[] hi, int a, int b) {
        double td = hd[a];
        hd[a] = hd[b];
        hd[b] = td;
        int ti = hi[a];
        hi[a] = hi[b];
        hi[b] = ti;
    }

    /** Calls {@code visitor} with every point index within squared distance {@code radiusSquared} of the query. */
    public void withinRadius(double[] query, double radiusSquared, java.util.function.IntConsumer visitor) {
        radius(query, radiusSquared, visitor, 1, 0, n);
    }

    private void radius(double[] q, double r2, java.util.function.IntConsumer visitor, int node, int lo, int hi) {
        int dim = node < splitDim.length ? splitDim[node] : -1;
        if (dim < 0) {
            for (int s = lo; s < hi; s++) {
                double dist = 0;
                int base = s * d;
                for (int t = 0; t < d; t++) {
                    double diff = coords[base + t] - q[t];
                    dist += diff * diff;
                }
                if (dist <= r2) {
                    visitor.accept(order[s]);
                }
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        double diff = q[dim] - splitValue[node];
        if (diff < 0 || diff * diff <= r2) {
            radius(q, r2, visitor, 2 * node, lo, mid);
        }
        if (diff >= 0 || diff * diff <= r2) {
            radius(q, r2, visitor, 2 * node + 1, mid, hi);
        }
    }
}
