package org.ncw.engine.cluster;

import java.util.List;
import java.util.Objects;

/**
 * A spectral embedding: n points x k coordinates (row-major in {@code vectors}), the k smallest eigenvalues of
 * the normalised Laplacian (ascending), the number of connected components of the graph, and how the
 * eigenvectors were found (solver actually used, matrix-vector products, largest residual).
 */
public record Embedding(int n, int k, double[] vectors, double[] eigenvalues, int components, String solver,
                        int matVecs, double residual, boolean converged, List<String> warnings) {
    public Embedding {
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.length != (long) n * k) {
            throw new IllegalArgumentException("vectors must hold n*k = " + (long) n * k + " values");
        }
        vectors = vectors.clone();
        eigenvalues = eigenvalues.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] vectors() {
        return vectors.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public double get(int point, int component) {
        return vectors[point * k + component];
    }

    /** The embedding as points (rows = samples, columns = eigenvectors), for the label assignment. */
    public Points asPoints() {
        return new Points(n, k, vectors.clone());
    }
}
