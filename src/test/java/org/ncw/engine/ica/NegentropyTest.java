package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NegentropyTest {
    @Test
    void gaussianExpectationsMatchClosedForms() {
        // E[-exp(-v^2/2)] = -1/sqrt(2); E[v^4/4] = 3/4
        assertEquals(-1 / Math.sqrt(2), Negentropy.gaussianExpectation(FastIcaOptions.Contrast.EXP, 1), 1e-12);
        assertEquals(0.75, Negentropy.gaussianExpectation(FastIcaOptions.Contrast.CUBE, 1), 1e-10);
        // E[log cosh v] = 0.3745672075 (numerical value from the literature on FastICA's negentropy approximation)
        assertEquals(0.3745672075, Negentropy.gaussianExpectation(FastIcaOptions.Contrast.LOGCOSH, 1), 1e-9);
    }

    @Test
    void gaussianDataHasNearZeroAndSuperGaussianDataPositiveNegentropy() {
        Random r = new Random(1);
        int n = 200_000;
        double[] gauss = new double[n];
        double[] laplace = new double[n];
        for (int i = 0; i < n; i++) {
            gauss[i] = r.nextGaussian();
            laplace[i] = Math.log(r.nextDouble()) * (r.nextBoolean() ? 1 : -1) / Math.sqrt(2); // unit variance
        }
        for (FastIcaOptions.Contrast c : FastIcaOptions.Contrast.values()) {
            double jg = Negentropy.total(new double[][] {gauss}, c, 1);
            double jl = Negentropy.total(new double[][] {laplace}, c, 1);
            assertTrue(jl > 100 * jg, c + ": laplace " + jl + " vs gaussian " + jg);
        }
    }
}
