package org.ncw.engine.cluster.strategy;

import java.util.HashMap;
import java.util.Map;

/** TEMPORARY: adjusted Rand index until the core's AdjustedRandIndex lands on main. */
final class Ari {
    private Ari() {
    }

    static double of(int[] a, int[] b) {
        Map<Long, Long> joint = new HashMap<>();
        Map<Integer, Long> ca = new HashMap<>();
        Map<Integer, Long> cb = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            joint.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1L, Long::sum);
            ca.merge(a[i], 1L, Long::sum);
            cb.merge(b[i], 1L, Long::sum);
        }
        double sumJ = joint.values().stream().mapToDouble(Ari::pairs).sum();
        double sumA = ca.values().stream().mapToDouble(Ari::pairs).sum();
        double sumB = cb.values().stream().mapToDouble(Ari::pairs).sum();
        double expected = sumA * sumB / pairs(a.length);
        double max = 0.5 * (sumA + sumB);
        return max == expected ? 1.0 : (sumJ - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
