package org.ncw.engine.cluster;

/** Eigen solver of the spectral embedding. */
public enum EigenSolver {
    /** DENSE for small n, else ARPACK when its native library loads, else LANCZOS. */
    AUTO,
    /** Native ARPACK (through Smile) on D^-1/2 A D^-1/2; falls back to LANCZOS if the library cannot load. */
    ARPACK,
    /** Full dense symmetric eigendecomposition; O(n^3), for small n. */
    DENSE,
    /** Pure-Java restarted Lanczos (Krylov-Schur) with full reorthogonalisation. */
    LANCZOS
}
