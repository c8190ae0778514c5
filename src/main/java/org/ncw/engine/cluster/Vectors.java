package org.ncw.engine.cluster;

/** Dense vector kernels shared by the eigen solvers. */
final class Vectors {
    private Vectors() {
    }

    /**
     * Sum of a[aBase + p] b[bBase + p] over p in [from, to), in four partial sums: the JIT does not reorder a
     * floating-point reduction itself, and one running sum waits on each addition.
     */
    static double dot(double[] a, int aBase, double[] b, int bBase, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int p = from;
        for (; p + 3 < to; p += 4) {
            s0 += a[aBase + p] * b[bBase + p];
            s1 += a[aBase + p + 1] * b[bBase + p + 1];
            s2 += a[aBase + p + 2] * b[bBase + p + 2];
            s3 += a[aBase + p + 3] * b[bBase + p + 3];
        }
        for (; p < to; p++) {
            s0 += a[aBase + p] * b[bBase + p];
        }
        return (s0 + s1) + (s2 + s3);
    }

}
