package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.TaskMonitor;

class AffinityBuilderTest {
    static Points random(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble() * 10;
        }
        return new Points(n, d, data);
    }

    /** Brute force: i itself, then the k - 1 nearest others by (distance, index). */
    static int[] bruteKnn(Points p, int k) {
        int n = p.n();
        int[] out = new int[n * k];
        for (int i = 0; i < n; i++) {
            final int q = i;
            int[] others = java.util.stream.IntStream.range(0, n).filter(j -> j != q).boxed()
                    .sorted((a, b) -> {
                        int c = Double.compare(p.squaredDistance(q, a), p.squaredDistance(q, b));
                        return c != 0 ? c : Integer.compare(a, b);
                    }).mapToInt(Integer::intValue).limit(k - 1).toArray();
            out[i * k] = i;
            System.arraycopy(others, 0, out, i * k + 1, k - 1);
        }
        return out;
    }

    @Test
    void kdTreeKnnEqualsBruteForceAndSmile() {
        for (int d = 1; d <= 3; d++) {
            Points p = random(700, d, d);
            int[] ours = AffinityBuilder.nearestNeighbors(p, 10, TaskMonitor.none());
            assertArrayEquals(bruteKnn(p, 10), ours, "d=" + d);
            assertArrayEquals(SmileKnnAdapter.nearestNeighbors(p, 10), ours, "d=" + d + " vs Smile");
        }
    }

    @Test
    void gridKnnOfTwoFeaturesEqualsBruteForceOnTiesSkewAndLines() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 900;
        double[] lattice = new double[n * 2];
        double[] skewed = new double[n * 2];
        double[] line = new double[n * 2];
        double[] column = new double[n * 3];
        for (int i = 0; i < n; i++) {
            // small integer lattice: many exact ties and duplicate points, broken by index
            lattice[2 * i] = r.nextInt(12);
            lattice[2 * i + 1] = r.nextInt(9);
            // a spectrogram column: bins evenly spaced, intensity crowded at a floor with a long tail
            skewed[2 * i] = i * 0.002;
            skewed[2 * i + 1] = -Math.log(1 - r.nextDouble()) * (i % 50 == 0 ? 20 : 0.05);
            // all points on one diagonal: the quantile cells off it are empty
            line[2 * i] = r.nextDouble();
            line[2 * i + 1] = line[2 * i];
            // a 3-D table column: the constant frame feature first
            column[3 * i] = 4.25;
            column[3 * i + 1] = skewed[2 * i];
            column[3 * i + 2] = skewed[2 * i + 1];
        }
        for (double[] x : new double[][] {lattice, skewed, line}) {
            Points p = new Points(n, 2, x);
            for (int k : new int[] {2, 10, 31}) {
                assertArrayEquals(bruteKnn(p, k), AffinityBuilder.nearestNeighbors(p, k, TaskMonitor.none()),
                        "k=" + k);
            }
        }
        Points table = new Points(n, 3, column);
        assertArrayEquals(bruteKnn(table, 10), AffinityBuilder.nearestNeighbors(table, 10, TaskMonitor.none()),
                "constant feature dropped");
        // every point a neighbour of every other: k = n
        Points few = random(7, 2, 9);
        assertArrayEquals(bruteKnn(few, 7), AffinityBuilder.nearestNeighbors(few, 7, TaskMonitor.none()));
    }

    @Test
    void knnGraphIsHalfOfConnectivityPlusTranspose() {
        Points p = random(300, 2, 7);
        int k = 5;
        int[] nb = bruteKnn(p, k);
        double[] c = new double[300 * 300];
        for (int i = 0; i < 300; i++) {
            for (int t = 0; t < k; t++) {
                c[i * 300 + nb[i * k + t]] = 1;
            }
        }
        double[] g = AffinityBuilder.knnGraph(p, k, TaskMonitor.none()).toDense();
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < 300; j++) {
                assertEquals(0.5 * (c[i * 300 + j] + c[j * 300 + i]), g[i * 300 + j], 0.0, i + "," + j);
            }
        }
    }

    @Test
    void truncatedRbfKeepsExactlyTheWeightsAboveTolerance() {
        for (int d = 1; d <= 2; d++) {
            Points p = random(400, d, 11 + d);
            double gamma = 0.5;
            double tol = 1e-3;
            double[] dense = AffinityBuilder.rbfDense(p, gamma, TaskMonitor.none()).toDense();
            CsrMatrix sparse = AffinityBuilder.rbfSparse(p, gamma, tol, TaskMonitor.none());
            for (int i = 0; i < 400; i++) {
                for (int j = 0; j < 400; j++) {
                    double expected = dense[i * 400 + j] >= tol ? dense[i * 400 + j] : 0.0;
                    assertEquals(expected, sparse.get(i, j), 1e-7, "d=" + d + " (" + i + "," + j + ")");
                }
            }
            assertTrue(sparse.nonZeros() < 400L * 400, "sparse graph should drop entries");
        }
    }

    @Test
    void denseRbfIsTheGaussianKernel() {
        Points p = Points.of(new double[][] {{0, 0}, {1, 0}, {0, 2}});
        DenseAffinity a = AffinityBuilder.rbfDense(p, 0.5, TaskMonitor.none());
        assertEquals(1.0, a.get(0, 0));
        assertEquals(Math.exp(-0.5), a.get(0, 1), 1e-15);
        assertEquals(Math.exp(-0.5 * 5), a.get(1, 2), 1e-15);
        assertEquals(a.get(2, 1), a.get(1, 2));
    }

    @Test
    void scalingStandardizesAndMinMaxes() {
        Points p = Points.of(new double[][] {{1, 10}, {3, 10}, {5, 10}});
        Points s = FeatureScaler.apply(p, FeatureScaling.STANDARDIZE);
        double std = Math.sqrt(8.0 / 3);
        assertArrayEquals(new double[] {-2 / std, 0, 0, 0, 2 / std, 0}, s.data(), 1e-12);
        Points m = FeatureScaler.apply(p, FeatureScaling.MIN_MAX);
        assertArrayEquals(new double[] {0, 0, 0.5, 0, 1, 0}, m.data(), 1e-12);
    }

    @Test
    void bruteForceKnnInHighDimensionMatchesSortedAllPairs() {
        // 40 features, 300 points (the brute-force path), with duplicated rows so that ties must go to the lower index
        int n = 300;
        int d = 40;
        int k = 7;
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i * d + t] = i % 10 == 9 ? x[(i - 1) * d + t] : Math.rint(r.nextGaussian() * 4) / 4;
            }
        }
        Points p = new Points(n, d, x);
        int[] got = AffinityBuilder.nearestNeighbors(p, k, TaskMonitor.none());
        for (int i = 0; i < n; i++) {
            final int self = i;
            Integer[] others = java.util.stream.IntStream.range(0, n).filter(j -> j != self).boxed()
                    .sorted((a, b) -> {
                        int c = Double.compare(p.squaredDistance(self, a), p.squaredDistance(self, b));
                        return c != 0 ? c : Integer.compare(a, b);
                    }).toArray(Integer[]::new);
            assertEquals(i, got[i * k], "self first in row " + i);
            for (int t = 1; t < k; t++) {
                assertEquals(others[t - 1], got[i * k + t], "row " + i + " neighbour " + t);
            }
        }
    }

    @Test
    void bruteForceKnnGivesTheSameListsForAnyNumberOfRowBlocks() {
        // rows in parallel blocks with private lists merged afterwards: the result must not depend on the split;
        // duplicated rows make exact ties, which must still go to the lower index
        int n = 257;
        int d = 33;
        int k = 6;
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                x[i * d + t] = i % 7 == 3 ? x[(i - 2) * d + t] : Math.rint(r.nextGaussian() * 2) - 60;
            }
        }
        Points p = new Points(n, d, x);
        int[] expected = bruteKnn(p, k);
        for (int tasks : new int[] {1, 2, 3, 8}) {
            int[] got = new int[n * k];
            AffinityBuilder.bruteForceNearest(p, k, got, tasks);
            assertArrayEquals(expected, got, tasks + " row blocks");
        }
    }

    @Test
    void prescaledOperatorIsTheScaledProductWithoutTheDiagonal() {
        // the kNN graph stores its diagonal (each point is its own neighbour); the operator must ignore it
        Points p = random(400, 12, 31);
        CsrMatrix g = AffinityBuilder.knnGraph(p, 8, TaskMonitor.none());
        SplittableRandom r = new SplittableRandom(2);
        double[] scale = new double[400];
        double[] x = new double[400];
        for (int i = 0; i < 400; i++) {
            scale[i] = 0.5 + r.nextDouble();
            x[i] = r.nextGaussian();
        }
        double[] dense = g.toDense();
        double[] y = new double[400];
        g.scaledOperator(scale).apply(x, y);
        double[] onTheFly = new double[400];
        g.multiplyScaled(scale, x, onTheFly);
        for (int i = 0; i < 400; i++) {
            double expected = 0;
            for (int j = 0; j < 400; j++) {
                expected += i == j ? 0 : scale[i] * dense[i * 400 + j] * scale[j] * x[j];
            }
            assertEquals(expected, y[i], 1e-13, "row " + i);
            assertEquals(onTheFly[i], y[i], 1e-13, "row " + i);
        }
        assertTrue(dense[0] > 0, "the graph stores the diagonal");
    }
}
