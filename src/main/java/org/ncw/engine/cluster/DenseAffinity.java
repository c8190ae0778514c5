package org.ncw.engine.cluster;

import java.util.Objects;
import java.util.function.IntConsumer;

/** A dense symmetric affinity matrix, row-major in one flat array ({@code values[i * n + j]}). */
public record DenseAffinity(int n, double[] values) implements AffinityMatrix {
    /** Rows per parallel task: enough work to amortise the fork. */
    private static final int ROWS_PER_TASK = 64;
    private static final int COLUMNS_PER_TASK = 256;

    public DenseAffinity {
        Objects.requireNonNull(values, "values");
        if (values.length != (long) n * n) {
            throw new IllegalArgumentException("a dense affinity of size " + n + " needs n*n = " + (long) n * n
                    + " values, got " + values.length);
        }
    }

    @Override
    public int size() {
        return n;
    }

    public double get(int i, int j) {
        return values[i * n + j];
    }

    @Override
    public double[] offDiagonalRowSums() {
        double[] sums = new double[n];
        parallelRows(i -> {
            double s = 0;
            int base = i * n;
            for (int j = 0; j < n; j++) {
                s += values[base + j];
            }
            sums[i] = s - values[base + i];
        });
        return sums;
    }

    @Override
    public void multiplyScaled(double[] scale, double[] x, double[] y) {
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = scale[j] * x[j];
        }
        // A is symmetric, so y = A z is accumulated row by row as y += z_j * A[j, :] over column blocks: an
        // element-wise loop the JIT vectorises, unlike a dot product's serial sum (several times faster)
        int blocks = (n + COLUMNS_PER_TASK - 1) / COLUMNS_PER_TASK;
        CsrMatrix.parallelRows(blocks, 1, (long) n * n > 1 << 18, b -> {
            int from = b * COLUMNS_PER_TASK;
            int to = Math.min(n, from + COLUMNS_PER_TASK);
            double[] acc = new double[to - from];
            for (int j = 0; j < n; j++) {
                double zj = z[j];
                int base = j * n + from;
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += values[base + i] * zj;
                }
            }
            for (int i = from; i < to; i++) {
                y[i] = scale[i] * (acc[i - from] - values[i * n + i] * z[i]);
            }
        });
    }

    @Override
    public long storedEntries() {
        return (long) n * n;
    }

    @Override
    public void forEachNeighbour(int i, IntConsumer visit) {
        int base = i * n;
        for (int j = 0; j < n; j++) {
            if (values[base + j] != 0) {
                visit.accept(j);
            }
        }
    }

    @Override
    public double[] toDense() {
        return values.clone();
    }

    private void parallelRows(IntConsumer row) {
        CsrMatrix.parallelRows(n, ROWS_PER_TASK, (long) n * n > 1 << 18, row);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseAffinity other && n == other.n && java.util.Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * n + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DenseAffinity[n=" + n + "]";
    }
}
