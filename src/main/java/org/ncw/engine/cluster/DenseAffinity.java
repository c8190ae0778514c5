package org.ncw.engine.cluster;

import java.util.Objects;
import java.util.stream.IntStream;

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
        IntStream stream = IntStream.range(0, blocks);
        if ((long) n * n > 1 << 18) {
            stream = stream.parallel();
        }
        stream.forEach(b -> {
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
    public int[] componentLabels() {
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int[] queue = new int[n];
        int next = 0;
        for (int start = 0; start < n; start++) {
            if (label[start] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            while (head < tail) {
                int i = queue[head++];
                int base = i * n;
                for (int j = 0; j < n; j++) {
                    if (label[j] < 0 && values[base + j] != 0) {
                        label[j] = next;
                        queue[tail++] = j;
                    }
                }
            }
            next++;
        }
        return label;
    }

    @Override
    public double[] toDense() {
        return values.clone();
    }

    private void parallelRows(java.util.function.IntConsumer row) {
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream stream = IntStream.range(0, tasks);
        if ((long) n * n > 1 << 18) {
            stream = stream.parallel();
        }
        stream.forEach(t -> {
            int end = Math.min(n, (t + 1) * ROWS_PER_TASK);
            for (int i = t * ROWS_PER_TASK; i < end; i++) {
                row.accept(i);
            }
        });
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
