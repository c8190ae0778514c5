package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastIcaTest {

    static List<IcaFixtures.Case> fixtures() {
        return IcaFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void recoversTheTrueSourcesFromARandomStart(IcaFixtures.Case c) {
        FastIcaResult r = FastIca.fit(c.x(), c.options().withSeed(7), TaskMonitor.none());
        assertTrue(r.converged(), r.convergenceSummary());
        double[] best = IcaFixtures.bestAbsCorrelations(c.trueSources(), r.sources());
        for (int i = 0; i < best.length; i++) {
            assertTrue(best[i] >= 0.99, "true source " + i + " recovered only at |r| = " + best[i]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesScikitLearnFromTheSameStart(IcaFixtures.Case c) {
        FastIcaResult r = FastIca.fit(c.x(), c.options(), c.wInit(), TaskMonitor.none());
        String where = c.name() + " vs sklearn " + IcaFixtures.sklearnVersion();
        assertTrue(r.converged(), where);
        assertEquals(c.nIter(), r.iterations(), where + ": iterations");
        assertArrayEquals(c.mean(), r.mean(), 1e-9, where + ": mean");
        for (int i = 0; i < c.components().length; i++) {
            assertArrayEquals(c.whitening()[i], r.whitening()[i], 1e-8 * norm(c.whitening()[i]), where + ": K");
            assertArrayEquals(c.components()[i], r.unmixing()[i], 1e-6 * norm(c.components()[i]),
                    where + ": unmixing row " + i);
            assertArrayEquals(c.sources()[i], r.source(i), 1e-6, where + ": source " + i);
        }
        for (int i = 0; i < c.mixing().length; i++) {
            assertArrayEquals(c.mixing()[i], r.mixing()[i], 1e-6 * norm(c.mixing()[i]), where + ": mixing row " + i);
        }
    }

    @Test
    void reportsNonConvergenceWithTheIterationCount() {
        IcaFixtures.Case c = fixtures().get(0);
        for (FastIcaOptions.Algorithm a : FastIcaOptions.Algorithm.values()) {
            FastIcaResult r = FastIca.fit(c.x(), c.options().withAlgorithm(a).withMaxIter(1), c.wInit(),
                    TaskMonitor.none());
            assertFalse(r.converged(), a.name());
            assertEquals(1, r.iterations(), a.name());
            assertTrue(r.lastChange() >= 1e-4, a + " last change " + r.lastChange());
            assertTrue(r.convergenceSummary().contains("did NOT converge in 1 iterations"), r.convergenceSummary());
        }
    }

    @Test
    void sourcesHaveUnitVarianceAndUnmixingReproducesThem() {
        IcaFixtures.Case c = fixtures().get(3);
        FastIcaResult r = FastIca.fit(c.x(), c.options(), TaskMonitor.none());
        double[][] u = r.unmixing();
        for (int i = 0; i < r.components(); i++) {
            assertEquals(1.0, variance(r.source(i)), 1e-9);
            double[] s = r.source(i);
            for (int t = 0; t < s.length; t += 97) {
                double y = 0;
                for (int j = 0; j < c.x().length; j++) {
                    y += u[i][j] * (c.x()[j][t] - r.mean()[j]);
                }
                assertEquals(y, s[t], 1e-9);
            }
        }
        // mixing is the inverse of unmixing for a square problem
        double[][] a = r.mixing();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += u[i][k] * a[k][j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-9);
            }
        }
    }

    @Test
    void fewerComponentsThanSignals() {
        IcaFixtures.Case c = fixtures().get(3);
        FastIcaResult r = FastIca.fit(c.x(), c.options().withNComponents(2), TaskMonitor.none());
        assertEquals(2, r.components());
        assertEquals(3, r.unmixing()[0].length);
        assertEquals(3, r.mixing().length);
    }

    @Test
    void withoutWhiteningUsesTheInputAsGiven() {
        // already white input: two independent unit-variance sources rotated by 30 degrees
        Random rnd = new Random(3);
        int n = 4000;
        double[][] s = new double[2][n];
        for (int t = 0; t < n; t++) {
            s[0][t] = Math.sqrt(3) * (2 * rnd.nextDouble() - 1);             // uniform, unit variance
            s[1][t] = Math.log(rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1) / Math.sqrt(2); // Laplace
        }
        double co = Math.cos(Math.PI / 6);
        double si = Math.sin(Math.PI / 6);
        double[][] x = new double[2][n];
        for (int t = 0; t < n; t++) {
            x[0][t] = co * s[0][t] - si * s[1][t];
            x[1][t] = si * s[0][t] + co * s[1][t];
        }
        FastIcaResult r = FastIca.fit(x, FastIcaOptions.defaults().withWhiten(false), TaskMonitor.none());
        assertTrue(r.converged());
        assertEquals(null, r.whitening());
        assertArrayEquals(new double[] {0, 0}, r.mean());
        for (double b : IcaFixtures.bestAbsCorrelations(s, r.sources())) {
            assertTrue(b > 0.99, "|r| = " + b);
        }
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        IcaFixtures.Case c = fixtures().get(1);
        FastIcaResult a = FastIca.fit(c.x(), c.options().withSeed(11), TaskMonitor.none());
        FastIcaResult b = FastIca.fit(c.x(), c.options().withSeed(11), TaskMonitor.none());
        assertArrayEquals(a.source(0), b.source(0));
        assertEquals(a.iterations(), b.iterations());
    }

    @Test
    void badInputIsReportedClearly() {
        FastIcaOptions o = FastIcaOptions.defaults();
        double[][] ragged = {{1, 2, 3}, {1, 2}};
        assertTrue(assertThrows(InvalidParameterException.class, () -> FastIca.fit(ragged, o, TaskMonitor.none()))
                .getMessage().contains("same length"));
        double[][] nan = {{1, 2, 3}, {1, Double.NaN, 3}};
        assertTrue(assertThrows(InvalidParameterException.class, () -> FastIca.fit(nan, o, TaskMonitor.none()))
                .getMessage().contains("signal 1 has a non-finite sample at index 1"));
        double[][] same = {{1, 5, 3, 2}, {2, 10, 6, 4}};
        assertTrue(assertThrows(InvalidParameterException.class, () -> FastIca.fit(same, o, TaskMonitor.none()))
                .getMessage().contains("linearly dependent"));
        double[][] silent = {{0, 0, 0}, {0, 0, 0}};
        assertTrue(assertThrows(InvalidParameterException.class, () -> FastIca.fit(silent, o, TaskMonitor.none()))
                .getMessage().contains("constant"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> FastIca.fit(same, o.withNComponents(3), TaskMonitor.none())).getMessage()
                .contains("nComponents must be <= the number of input signals (2), got 3"));
    }

    @Test
    void cancellationStopsTheIterations() {
        CancellationToken token = new CancellationToken();
        List<Double> progress = new ArrayList<>();
        TaskMonitor monitor = TaskMonitor.of((f, s) -> {
            progress.add(f);
            token.cancel();
        }, token);
        IcaFixtures.Case c = fixtures().get(0);
        assertThrows(CancelledException.class, () -> FastIca.fit(c.x(), c.options(), monitor));
        assertEquals(1, progress.size());
    }

    /** Population variance (numpy's default ddof=0). */
    private static double variance(double[] v) {
        double mu = FastIca.mean(v);
        double s = 0;
        for (double e : v) {
            s += (e - mu) * (e - mu);
        }
        return s / v.length;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
