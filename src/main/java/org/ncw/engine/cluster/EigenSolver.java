package org.ncw.engine.cluster;

/** Eigen solver of the spectral embedding. */
public enum EigenSolver {
    /** DENSE up to 1000 points, else LANCZOS (with a multilevel start for large sparse graphs). */
    AUTO,
    /** Native ARPACK (through Smile) on D^-1/2 A D^-1/2; falls back to LANCZOS if the library cannot load. */
    ARPACK,
    /** Full dense symmetric eigendecomposition; O(n^3), for small n. */
    DENSE,
    /** Pure-Java thick-restart Lanczos with full reorthogonalisation and exact deflation of the null space. */
    LANCZOS
}
