package org.ncw.engine.cluster;

/**
 * The largest eigenpairs of a symmetric operator: {@code values} descending, {@code vectors[c]} the unit
 * eigenvector of {@code values[c]}, with the work done and the largest residual ||A x - theta x||.
 */
record EigenPairs(double[] values, double[][] vectors, String solver, int matVecs, int restarts, double residual,
                  boolean converged) {
}
