package org.ncw.engine.cluster;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A square sparse matrix in compressed sparse row form: row i holds columns {@code cols[rowPtr[i] ..
 * rowPtr[i+1])} (ascending) with {@code values} stored as float to halve the memory of graphs with tens of
 * millions of edges. Used for symmetric affinity graphs; the diagonal may be stored and is ignored by the
 * {@link AffinityMatrix} operations.
 */
public final class CsrMatrix implements AffinityMatrix {
    private static final int ROWS_PER_TASK = 4096;

    private final int n;
    private final int[] rowPtr;
    private final int[] cols;
    private final float[] values;

    /** Wraps the arrays (not copied: the matrix is built once and only read afterwards). */
    public CsrMatrix(int n, int[] rowPtr, int[] cols, float[] values) {
        this.n = n;
        this.rowPtr = Objects.requireNonNull(rowPtr, "rowPtr");
        this.cols = Objects.requireNonNull(cols, "cols");
        this.values = Objects.requireNonNull(values, "values");
        if (rowPtr.length != n + 1 || rowPtr[0] != 0 || rowPtr[n] > cols.length || cols.length != values.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays: n=" + n + ", rowPtr.length=" + rowPtr.length
                    + ", cols.length=" + cols.length + ", values.length=" + values.length);
        }
    }

    /**
     * The symmetrised kNN connectivity graph 0.5 * (C + C^T), where row i of C has a 1 at each of its
     * {@code k} neighbours {@code neighbors[i*k .. i*k+k)} (sklearn's kneighbors_graph, then
     * {@code 0.5 * (connectivity + connectivity.T)}).
     */
    public static CsrMatrix symmetrizedKnn(int n, int k, int[] neighbors) {
        if (neighbors.length != (long) n * k) {
            throw new IllegalArgumentException("neighbors must hold n*k = " + (long) n * k + " indices, got "
                    + neighbors.length);
        }
        // C^T by a counting pass over the rows of C in order, so its rows come sorted; a second pass over C^T's rows
        // in order gives C with sorted rows. Merging the two: 0.5 for an edge one way, 1 for an edge both ways.
        int[] transposeStart = new int[n + 1];
        for (int p = 0; p < n * k; p++) {
            transposeStart[neighbors[p] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            transposeStart[i + 1] += transposeStart[i];
        }
        int[] transpose = new int[n * k];
        int[] fill = Arrays.copyOf(transposeStart, n);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                transpose[fill[neighbors[i * k + t]]++] = i;
            }
        }
        int[] sortedC = new int[n * k];
        int[] rowFill = new int[n];
        for (int j = 0; j < n; j++) {
            for (int p = transposeStart[j]; p < transposeStart[j + 1]; p++) {
                int i = transpose[p];
                sortedC[i * k + rowFill[i]++] = j;
            }
        }
        int[] rowPtr = new int[n + 1];
        int[] cols = new int[Math.multiplyExact(2, n * k)];
        float[] values = new float[cols.length];
        int w = 0;
        for (int i = 0; i < n; i++) {
            int a = i * k;
            int aEnd = a + k;
            int b = transposeStart[i];
            int bEnd = transposeStart[i + 1];
            while (a < aEnd && b < bEnd) {
                int ca = sortedC[a];
                int cb = transpose[b];
                cols[w] = Math.min(ca, cb);
                values[w++] = ca == cb ? 1.0f : 0.5f;
                a += ca <= cb ? 1 : 0;
                b += cb <= ca ? 1 : 0;
            }
            for (; a < aEnd; a++) {
                cols[w] = sortedC[a];
                values[w++] = 0.5f;
            }
            for (; b < bEnd; b++) {
                cols[w] = transpose[b];
                values[w++] = 0.5f;
            }
            rowPtr[i + 1] = w;
        }
        cols = Arrays.copyOf(cols, w);
        values = Arrays.copyOf(values, w);
        return new CsrMatrix(n, rowPtr, cols, values);
    }

    /** Builds a matrix from per-row column lists (ascending not required) and values. */
    public static CsrMatrix fromRows(int[][] rowCols, float[][] rowValues) {
        int n = rowCols.length;
        int[] rowPtr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] = Math.addExact(rowPtr[i], rowCols[i].length);
        }
        int[] cols = new int[rowPtr[n]];
        float[] values = new float[rowPtr[n]];
        parallel(n, i -> {
            int[] c = rowCols[i];
            float[] v = rowValues[i];
            Integer[] order = new Integer[c.length];
            for (int t = 0; t < c.length; t++) {
                order[t] = t;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(c[x], c[y]));
            for (int t = 0; t < c.length; t++) {
                cols[rowPtr[i] + t] = c[order[t]];
                values[rowPtr[i] + t] = v[order[t]];
            }
        });
        return new CsrMatrix(n, rowPtr, cols, values);
    }

    @Override
    public int size() {
        return n;
    }

    /** Internal arrays, not copied (package use by the multilevel solver). */
    int[] rowPtrArray() {
        return rowPtr;
    }

    int[] colsArray() {
        return cols;
    }

    float[] valuesArray() {
        return values;
    }

    public long nonZeros() {
        return rowPtr[n];
    }

    /** The stored value at (i, j), 0 if absent. */
    public double get(int i, int j) {
        int p = Arrays.binarySearch(cols, rowPtr[i], rowPtr[i + 1], j);
        return p >= 0 ? values[p] : 0.0;
    }

    public int rowStart(int i) {
        return rowPtr[i];
    }

    public int rowEnd(int i) {
        return rowPtr[i + 1];
    }

    public int column(int p) {
        return cols[p];
    }

    public float value(int p) {
        return values[p];
    }

    @Override
    public double[] offDiagonalRowSums() {
        double[] sums = new double[n];
        parallel(n, i -> {
            double s = 0;
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                if (cols[p] != i) {
                    s += values[p];
                }
            }
            sums[i] = s;
        });
        return sums;
    }

    @Override
    public void multiplyScaled(double[] scale, double[] x, double[] y) {
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = scale[j] * x[j];
        }
        int[] rp = rowPtr;
        int[] cs = cols;
        float[] vs = values;
        parallelRanges(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int p = rp[i]; p < rp[i + 1]; p++) {
                    int j = cs[p];
                    if (j != i) {
                        s += vs[p] * z[j];
                    }
                }
                y[i] = scale[i] * s;
            }
        });
    }

    /** Graphs up to this many stored entries get a pre-scaled copy for {@link #scaledOperator}. */
    static final int PRESCALED_MAX_ENTRIES = 1 << 20;

    /**
     * The operator x -> S A' S x of {@link #multiplyScaled} (A' = this matrix without its diagonal, S =
     * diag(scale)) for an eigen solver's many products. Small graphs get a copy with the scale folded into double
     * values and the diagonal dropped (no per-product scaling pass, no branch, two partial sums per row); larger
     * ones multiply on the fly rather than hold a second, double-sized copy.
     */
    LanczosSolver.Operator scaledOperator(double[] scale) {
        if (rowPtr[n] > PRESCALED_MAX_ENTRIES) {
            return (x, y) -> multiplyScaled(scale, x, y);
        }
        int[] ptr = new int[n + 1];
        int[] c = new int[rowPtr[n]];
        double[] w = new double[rowPtr[n]];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = cols[p];
                if (j != i) {
                    c[q] = j;
                    w[q++] = scale[i] * values[p] * scale[j];
                }
            }
            ptr[i + 1] = q;
        }
        if (n < PARALLEL_PRODUCT_ROWS) {
            return (x, y) -> multiplyRows(ptr, c, w, x, y, 0, n);
        }
        return (x, y) -> parallelRanges(n, (from, to) -> multiplyRows(ptr, c, w, x, y, from, to));
    }

    /** Pre-scaled products of graphs from this many rows run on all cores (a 3-D table's 63 k points). */
    static final int PARALLEL_PRODUCT_ROWS = 1 << 14;

    private static void multiplyRows(int[] ptr, int[] c, double[] w, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            double s0 = 0;
            double s1 = 0;
            int end = ptr[i + 1];
            int p = ptr[i];
            for (; p + 1 < end; p += 2) {
                s0 += w[p] * x[c[p]];
                s1 += w[p + 1] * x[c[p + 1]];
            }
            if (p < end) {
                s0 += w[p] * x[c[p]];
            }
            y[i] = s0 + s1;
        }
    }

    @Override
    public long storedEntries() {
        return rowPtr[n];
    }

    @Override
    public void forEachNeighbour(int i, IntConsumer visit) {
        for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
            if (values[p] != 0) {
                visit.accept(cols[p]);
            }
        }
    }

    @Override
    public double[] toDense() {
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a " + n + " x " + n + " matrix is too large to densify");
        }
        double[] dense = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                dense[i * n + cols[p]] += values[p];
            }
        }
        return dense;
    }

    static void parallel(int n, IntConsumer row) {
        parallelRows(n, ROWS_PER_TASK, n > ROWS_PER_TASK, row);
    }

    /** A contiguous range of rows [from, to). */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /**
     * Calls {@code body} on ranges covering 0..n-1, in parallel tasks of {@link #ROWS_PER_TASK} rows when n is
     * larger, else once on the whole range in the calling thread. For hot small loops: one call per range instead
     * of a non-inlined lambda call per row.
     */
    static void parallelRanges(int n, RowRange body) {
        if (n <= ROWS_PER_TASK) {
            body.run(0, n);
            return;
        }
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> body.run(t * ROWS_PER_TASK,
                Math.min(n, (t + 1) * ROWS_PER_TASK)));
    }

    /** Calls {@code row} for 0..n-1 in tasks of {@code rowsPerTask} rows, in parallel when {@code parallel}. */
    static void parallelRows(int n, int rowsPerTask, boolean parallel, IntConsumer row) {
        int tasks = (n + rowsPerTask - 1) / rowsPerTask;
        IntStream stream = IntStream.range(0, tasks);
        if (parallel) {
            stream = stream.parallel();
        }
        stream.forEach(t -> {
            int end = Math.min(n, (t + 1) * rowsPerTask);
            for (int i = t * rowsPerTask; i < end; i++) {
                row.accept(i);
            }
        });
    }

    @Override
    public String toString() {
        return "CsrMatrix[n=" + n + ", nnz=" + rowPtr[n] + "]";
    }
}
