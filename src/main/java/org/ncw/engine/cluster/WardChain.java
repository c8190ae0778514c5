package org.ncw.engine.cluster;

import java.util.Arrays;

/**
 * Exact Ward-linkage clustering of points of a few features by the nearest-neighbour chain (Murtagh 1983): O(n^2 d)
 * time and O(n d) memory, no pairwise-distance matrix.
 *
 * <p>Ward's merge cost of clusters A and B, |A||B| / (|A| + |B|) |mu_A - mu_B|^2 (the growth of the within-cluster
 * sum of squares), is computed from the centroids and sizes. Ward's linkage is reducible, so merging reciprocal
 * nearest neighbours as the chain finds them gives the same dendrogram as always merging the globally cheapest
 * pair (what Smile's {@code HierarchicalClustering} does over the n(n-1)/2 matrix, 51 ms per 2049-point column);
 * the cut into k clusters applies the n - k cheapest merges. Ties are broken towards the chain's previous element,
 * then the lower index. Nearest-neighbour searches use a cell grid for two features ({@link PlaneClusters}), a scan
 * along one sorted feature for three or four, and a full vectorised scan beyond.
 */
final class WardChain {
    private WardChain() {
    }

    /** Labels in [0, k), numbered by first appearance. */
    static int[] cluster(Points points, int k) {
        int n = points.n();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("cannot make " + k + " Ward clusters of " + n + " points");
        }
        Clusters active = points.d() == 2 ? new PlaneClusters(points) : new Active(points);
        int[] mergeA = new int[n - 1];
        int[] mergeB = new int[n - 1];
        double[] height = new double[n - 1];
        int merges = 0;
        int[] chain = new int[n];
        int top = 0;
        while (active.count() > 1) {
            if (top == 0) {
                chain[top++] = active.any();
            }
            int a = chain[top - 1];
            int previous = top >= 2 ? chain[top - 2] : -1;
            int best = active.nearest(a, previous);
            if (best == previous) {
                // reciprocal nearest neighbours: merge b into a (a keeps its name)
                top -= 2;
                height[merges] = active.cost(a, previous);
                mergeA[merges] = a;
                mergeB[merges] = previous;
                merges++;
                active.merge(a, previous);
            } else {
                chain[top++] = best;
            }
        }
        // the cut: the n - k cheapest merges (stable, so equal heights keep the chain's order)
        Integer[] order = new Integer[merges];
        for (int m = 0; m < merges; m++) {
            order[m] = m;
        }
        Arrays.sort(order, (x, y) -> Double.compare(height[x], height[y]));
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int m = 0; m < n - k; m++) {
            int x = find(parent, mergeA[order[m]]);
            int y = find(parent, mergeB[order[m]]);
            parent[Math.max(x, y)] = Math.min(x, y);
        }
        int[] labels = new int[n];
        int[] labelOfRoot = new int[n];
        Arrays.fill(labelOfRoot, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (labelOfRoot[r] < 0) {
                labelOfRoot[r] = next++;
            }
            labels[i] = labelOfRoot[r];
        }
        return labels;
    }

    /**
     * The active clusters, kept sorted by their centroid's coordinate along one feature, one array per
     * feature: a cluster is named by the point it started from ({@code id[slot]}, {@code slotOf[id]}). Along that
     * feature the distance bounds Ward's cost from below, cost(A, B) >= |A| / (|A| + 1) dx^2 (as |B| >= 1), so a
     * nearest-neighbour search scans outwards from A and stops once the bound passes the best cost: a few dozen
     * neighbours instead of every cluster.
     */
    /** The active clusters of the chain, named by the point each started from. */
    private interface Clusters {
        int count();

        /** The name of some active cluster. */
        int any();

        /** Ward's merge cost of active clusters a and b. */
        double cost(int a, int b);

        /**
         * The cluster of least merge cost with {@code a}: {@code previous} (the chain's element before it) when it
         * is among the cheapest, else the lowest-named of the cheapest.
         */
        int nearest(int a, int previous);

        /** Merges b into a: a takes the joint centroid and size. */
        void merge(int a, int b);
    }

    private static final class Active implements Clusters {
        /** Up to this many features the one-feature bound prunes the search (spectrogram columns: 1-3). */
        static final int PRUNED_FEATURES = 4;

        final int d;
        final int along;
        final double[][] coord;
        final double[] size;
        final int[] id;
        final int[] slotOf;
        /** Slots in use, alive or not; a merged-away cluster leaves a dead slot until the next compaction. */
        final boolean[] dead;
        private double[] costs;
        int used;
        int count;

        Active(Points points) {
            int n = points.n();
            this.d = points.d();
            double[] x = points.data();
            // order along the most evenly spread feature, where the bound prunes best
            int axis = d > PRUNED_FEATURES ? 0 : points.mostEvenlySpreadFeature();
            this.along = axis;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> Double.compare(x[p * d + axis], x[q * d + axis]));
            this.coord = new double[d][n];
            this.size = new double[n];
            this.id = new int[n];
            this.slotOf = new int[n];
            this.dead = new boolean[n];
            for (int s = 0; s < n; s++) {
                int i = order[s];
                for (int j = 0; j < d; j++) {
                    coord[j][s] = x[i * d + j];
                }
                size[s] = 1.0;
                id[s] = i;
                slotOf[i] = s;
            }
            this.used = n;
            this.count = n;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public double cost(int a, int b) {
            return slotCost(slotOf[a], slotOf[b]);
        }

        @Override
        public int any() {
            for (int s = 0; s < used; s++) {
                if (!dead[s]) {
                    return id[s];
                }
            }
            throw new IllegalStateException("no active cluster");
        }

        double slotCost(int sa, int sb) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = coord[j][sa] - coord[j][sb];
                s += diff * diff;
            }
            return size[sa] * size[sb] / (size[sa] + size[sb]) * s;
        }

        @Override
        public int nearest(int a, int previous) {
            if (d > PRUNED_FEATURES) {
                return nearestByFullScan(a, previous);
            }
            int sa = slotOf[a];
            double factor = size[sa] / (size[sa] + 1) * (1 - 1e-12); // below the bound, so rounding stops no scan early
            double key = coord[along][sa];
            int best = previous;
            double bestCost = previous >= 0 ? slotCost(sa, slotOf[previous]) : Double.POSITIVE_INFINITY;
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int s = sa + dir; s >= 0 && s < used; s += dir) {
                    if (dead[s]) {
                        continue;
                    }
                    double dx = coord[along][s] - key;
                    if (factor * dx * dx > bestCost) {
                        break;
                    }
                    int b = id[s];
                    if (b == previous) {
                        continue;
                    }
                    double c = slotCost(sa, s);
                    if (c < bestCost || (c == bestCost && best != previous && b < best)) {
                        bestCost = c;
                        best = b;
                    }
                }
            }
            return best;
        }

        /**
         * {@link #nearest} over every slot with one pass per feature (vectorised): with many features (the complete
         * matrix's frames) one feature bounds the cost too weakly for the scan to stop early.
         */
        private int nearestByFullScan(int a, int previous) {
            int sa = slotOf[a];
            if (costs == null) {
                costs = new double[coord[0].length];
            }
            double na = size[sa];
            Arrays.fill(costs, 0, used, 0.0);
            for (double[] feature : coord) {
                double ca = feature[sa];
                for (int s = 0; s < used; s++) {
                    double diff = feature[s] - ca;
                    costs[s] += diff * diff;
                }
            }
            int best = previous;
            double bestCost = Double.POSITIVE_INFINITY;
            if (previous >= 0) {
                int sp = slotOf[previous];
                bestCost = na * size[sp] / (na + size[sp]) * costs[sp];
            }
            for (int s = 0; s < used; s++) {
                if (dead[s] || s == sa) {
                    continue;
                }
                int b = id[s];
                if (b == previous) {
                    continue;
                }
                double c = na * size[s] / (na + size[s]) * costs[s];
                if (c < bestCost || (c == bestCost && best != previous && b < best)) {
                    bestCost = c;
                    best = b;
                }
            }
            return best;
        }

        /**
         * Merges b into a: a takes the joint centroid and size, b's slot dies. The joint centroid's key lies
         * between a's and b's, so only the slots between them are reordered.
         */
        @Override
        public void merge(int a, int b) {
            int sa = slotOf[a];
            int sb = slotOf[b];
            double na = size[sa];
            double nb = size[sb];
            double[] merged = new double[d];
            for (int j = 0; j < d; j++) {
                merged[j] = (na * coord[j][sa] + nb * coord[j][sb]) / (na + nb);
            }
            int lo = Math.min(sa, sb);
            int hi = Math.max(sa, sb);
            // the slots lo..hi without a and b, then a at its place, then one dead slot at hi
            int w = lo;
            boolean placed = false;
            for (int s = lo; s <= hi; s++) {
                if (s == sa || s == sb) {
                    continue;
                }
                if (!placed && !dead[s] && coord[along][s] > merged[along]) {
                    w = put(w, a, merged, na + nb);
                    placed = true;
                }
                move(s, w++);
            }
            if (!placed) {
                w = put(w, a, merged, na + nb);
            }
            dead[hi] = true;
            id[hi] = b;
            slotOf[b] = -1;
            count--;
            if (used - count > count + 16) {
                compact();
            }
        }

        private int put(int slot, int name, double[] centroid, double n) {
            for (int j = 0; j < d; j++) {
                coord[j][slot] = centroid[j];
            }
            size[slot] = n;
            id[slot] = name;
            dead[slot] = false;
            slotOf[name] = slot;
            return slot + 1;
        }

        private void move(int from, int to) {
            if (from != to) {
                for (double[] feature : coord) {
                    feature[to] = feature[from];
                }
                size[to] = size[from];
                id[to] = id[from];
                dead[to] = dead[from];
            }
            if (!dead[to]) {
                slotOf[id[to]] = to;
            }
        }

        /** Drops the dead slots, keeping the order. */
        private void compact() {
            int w = 0;
            for (int s = 0; s < used; s++) {
                if (!dead[s]) {
                    move(s, w++);
                }
            }
            used = w;
        }
    }

    /**
     * The active clusters of two-feature points (a 3-D table column: bin and intensity) in a grid of cells cut at
     * the centroids' quantiles, about {@link #PER_CELL} clusters a cell. As Ward's cost is at least
     * |A| / (|A| + 1) times the squared centroid distance, a search grows a rectangle of cells around A, the side
     * nearest A's centroid first, until that side is beyond the best cost: a disc around A instead of the whole
     * slab along one feature that {@link Active} scans. A merged centroid lies between its parts, so it stays in
     * the grid; as clusters merge away the grid is rebuilt coarser. Costs and centroids are computed as in
     * {@link Active} (the same dendrogram).
     */
    private static final class PlaneClusters implements Clusters {
        static final double PER_CELL = 16.0;

        final double[] x;
        final double[] y;
        final double[] size;
        final boolean[] alive;
        int count;
        int lowestAlive;
        int g;
        double[] xBound;
        double[] yBound;
        /** Members of cell c: cellMembers[c][0 .. cellCount[c]); a cluster's cell and place in it. */
        int[][] cellMembers;
        int[] cellCount;
        final int[] cellOf;
        final int[] place;

        PlaneClusters(Points points) {
            int n = points.n();
            x = new double[n];
            y = new double[n];
            size = new double[n];
            alive = new boolean[n];
            cellOf = new int[n];
            place = new int[n];
            double[] data = points.data();
            for (int i = 0; i < n; i++) {
                x[i] = data[2 * i];
                y[i] = data[2 * i + 1];
                size[i] = 1.0;
                alive[i] = true;
            }
            count = n;
            rebuild();
        }

        /** Cuts a grid of about count / PER_CELL cells at the live centroids' quantiles and files every cluster. */
        private void rebuild() {
            g = Math.max(1, (int) Math.sqrt(count / PER_CELL));
            double[] xs = new double[count];
            double[] ys = new double[count];
            for (int i = 0, m = 0; i < alive.length; i++) {
                if (alive[i]) {
                    xs[m] = x[i];
                    ys[m++] = y[i];
                }
            }
            xBound = GridKnn2D.quantileBounds(xs, g);
            yBound = GridKnn2D.quantileBounds(ys, g);
            cellMembers = new int[g * g][];
            cellCount = new int[g * g];
            for (int i = 0; i < alive.length; i++) {
                if (alive[i]) {
                    file(i);
                }
            }
        }

        private void file(int i) {
            int c = GridKnn2D.cell(xBound, g, x[i]) * g + GridKnn2D.cell(yBound, g, y[i]);
            int[] m = cellMembers[c];
            if (m == null) {
                m = cellMembers[c] = new int[8];
            } else if (cellCount[c] == m.length) {
                m = cellMembers[c] = Arrays.copyOf(m, m.length * 2);
            }
            cellOf[i] = c;
            place[i] = cellCount[c];
            m[cellCount[c]++] = i;
        }

        private void unfile(int i) {
            int c = cellOf[i];
            int[] m = cellMembers[c];
            int last = m[--cellCount[c]];
            m[place[i]] = last;
            place[last] = place[i];
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public int any() {
            while (!alive[lowestAlive]) {
                lowestAlive++;
            }
            return lowestAlive;
        }

        @Override
        public double cost(int a, int b) {
            double dx = x[a] - x[b];
            double dy = y[a] - y[b];
            return size[a] * size[b] / (size[a] + size[b]) * (dx * dx + dy * dy);
        }

        @Override
        public int nearest(int a, int previous) {
            double na = size[a];
            double factor = na / (na + 1) * (1 - 1e-12); // below the bound, so rounding stops no search early
            double qx = x[a];
            double qy = y[a];
            best = previous;
            bestCost = previous >= 0 ? cost(a, previous) : Double.POSITIVE_INFINITY;
            int c = cellOf[a];
            int x0 = c / g;
            int x1 = x0;
            int y0 = c % g;
            int y1 = y0;
            scan(x0, x0, y0, y0, a, previous);
            // GridKnn2D.query's rectangle growth, with Ward's bound
            while (true) {
                double left = x0 > 0 ? qx - xBound[x0] : Double.POSITIVE_INFINITY;
                double right = x1 < g - 1 ? xBound[x1 + 1] - qx : Double.POSITIVE_INFINITY;
                double below = y0 > 0 ? qy - yBound[y0] : Double.POSITIVE_INFINITY;
                double above = y1 < g - 1 ? yBound[y1 + 1] - qy : Double.POSITIVE_INFINITY;
                double nearest = Math.min(Math.min(left, right), Math.min(below, above));
                if (nearest == Double.POSITIVE_INFINITY || factor * nearest * nearest > bestCost) {
                    return best;
                }
                if (nearest == left) {
                    scan(--x0, x0, y0, y1, a, previous);
                } else if (nearest == right) {
                    scan(++x1, x1, y0, y1, a, previous);
                } else if (nearest == below) {
                    scan(x0, x1, --y0, y0, a, previous);
                } else {
                    scan(x0, x1, ++y1, y1, a, previous);
                }
            }
        }

        private int best;
        private double bestCost;

        private void scan(int ax, int bx, int ay, int by, int a, int previous) {
            for (int cx = ax; cx <= bx; cx++) {
                for (int cy = ay; cy <= by; cy++) {
                    int c = cx * g + cy;
                    int[] m = cellMembers[c];
                    for (int p = 0, end = cellCount[c]; p < end; p++) {
                        int b = m[p];
                        if (b == a || b == previous) {
                            continue;
                        }
                        double cost = cost(a, b);
                        if (cost < bestCost || (cost == bestCost && best != previous && b < best)) {
                            bestCost = cost;
                            best = b;
                        }
                    }
                }
            }
        }

        @Override
        public void merge(int a, int b) {
            double na = size[a];
            double nb = size[b];
            x[a] = (na * x[a] + nb * x[b]) / (na + nb);
            y[a] = (na * y[a] + nb * y[b]) / (na + nb);
            size[a] = na + nb;
            unfile(a);
            unfile(b);
            alive[b] = false;
            count--;
            if (g > 1 && count < g * g * PER_CELL / 4) {
                rebuild();
            } else {
                file(a);
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
