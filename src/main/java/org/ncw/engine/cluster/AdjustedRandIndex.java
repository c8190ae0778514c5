package org.ncw.engine.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted Rand index of two labellings (Hubert and Arabie 1985), as sklearn's {@code adjusted_rand_score}:
 * 1 for identical partitions (label names do not matter), about 0 for independent ones, can be negative.
 */
public final class AdjustedRandIndex {
    private AdjustedRandIndex() {
    }

    public static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labellings differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        Map<Long, Long> pairs = new HashMap<>();
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> cols = new HashMap<>();
        for (int i = 0; i < n; i++) {
            pairs.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
            rows.merge(a[i], 1L, Long::sum);
            cols.merge(b[i], 1L, Long::sum);
        }
        // sklearn's special cases: one cluster each, or every point its own cluster -> perfect agreement
        if (rows.size() == cols.size() && (rows.size() == 1 || rows.size() == n)) {
            return 1.0;
        }
        double sumComb = 0;
        for (long c : pairs.values()) {
            sumComb += comb2(c);
        }
        double sumA = 0;
        for (long c : rows.values()) {
            sumA += comb2(c);
        }
        double sumB = 0;
        for (long c : cols.values()) {
            sumB += comb2(c);
        }
        double total = comb2(n);
        double expected = sumA * sumB / total;
        double max = 0.5 * (sumA + sumB);
        if (max == expected) {
            return 1.0;
        }
        return (sumComb - expected) / (max - expected);
    }

    private static double comb2(long c) {
        return c * (c - 1) / 2.0;
    }
}
