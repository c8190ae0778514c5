package org.ncw.engine.cluster;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** sklearn's non-k-means label assignments on a spectral embedding: {@code discretize} and {@code cluster_qr}. */
public final class LabelAssigner {
    private static final double EPS = Math.ulp(1.0);

    private LabelAssigner() {
    }

    /** Labels and the iterations used. */
    public record Assignment(int[] labels, int iterations) {
    }

    /**
     * Yu and Shi (2003) multiclass discretisation, ported from sklearn's {@code discretize(vectors,
     * max_svd_restarts=30, n_iter_max=20)}: normalise the eigenvectors, start from a rotation built of
     * mutually near-orthogonal rows (the first one random), then alternate the discrete partition and the
     * optimal (SVD) rotation until the ncut objective stops changing.
     */
    public static Assignment discretize(Embedding embedding, long seed) {
        int n = embedding.n();
        int k = embedding.k();
        double[] v = embedding.vectors();
        double normOnes = Math.sqrt(n);
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i * k + c] * v[i * k + c];
            }
            norm = Math.sqrt(norm);
            double first = v[c];
            double sign = first != 0 ? -Math.signum(first) : 1.0;
            for (int i = 0; i < n; i++) {
                v[i * k + c] = v[i * k + c] / norm * normOnes * sign;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                s += v[i * k + c] * v[i * k + c];
            }
            s = Math.sqrt(s);
            for (int c = 0; c < k; c++) {
                v[i * k + c] /= s; // a zero row gives NaN as in numpy, later argmax treats it as label 0
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        int maxSvdRestarts = 30;
        int nIterMax = 20;
        for (int restart = 0; restart < maxSvdRestarts; restart++) {
            double[] rotation = new double[k * k]; // rotation[r * k + c]
            int start = random.nextInt(n);
            for (int r = 0; r < k; r++) {
                rotation[r * k] = v[start * k + r];
            }
            double[] cAcc = new double[n];
            for (int j = 1; j < k; j++) {
                int argMin = 0;
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double dot = 0;
                    for (int r = 0; r < k; r++) {
                        dot += v[i * k + r] * rotation[r * k + j - 1];
                    }
                    cAcc[i] += Math.abs(dot);
                    if (cAcc[i] < min) {
                        min = cAcc[i];
                        argMin = i;
                    }
                }
                for (int r = 0; r < k; r++) {
                    rotation[r * k + j] = v[argMin * k + r];
                }
            }
            double lastObjective = 0;
            int iter = 0;
            int[] labels = new int[n];
            try {
                while (true) {
                    iter++;
                    double[] tSvd = new double[k * k]; // vectors_discrete^T * vectors
                    for (int i = 0; i < n; i++) {
                        int arg = 0;
                        double best = Double.NEGATIVE_INFINITY;
                        for (int c = 0; c < k; c++) {
                            double t = 0;
                            for (int r = 0; r < k; r++) {
                                t += v[i * k + r] * rotation[r * k + c];
                            }
                            if (t > best) {
                                best = t;
                                arg = c;
                            }
                        }
                        labels[i] = arg;
                        for (int r = 0; r < k; r++) {
                            tSvd[arg * k + r] += v[i * k + r];
                        }
                    }
                    SingularValueDecomposition svd = new SingularValueDecomposition(toMatrix(tSvd, k));
                    double sumS = 0;
                    for (double s : svd.getSingularValues()) {
                        sumS += s;
                    }
                    double ncut = 2.0 * (n - sumS);
                    if (Math.abs(ncut - lastObjective) < EPS || iter > nIterMax) {
                        return new Assignment(labels, iter);
                    }
                    lastObjective = ncut;
                    // rotation = Vh^T U^T = V U^T
                    RealMatrix rot = svd.getV().multiply(svd.getU().transpose());
                    for (int r = 0; r < k; r++) {
                        for (int c = 0; c < k; c++) {
                            rotation[r * k + c] = rot.getEntry(r, c);
                        }
                    }
                }
            } catch (org.apache.commons.math3.exception.ConvergenceException e) {
                // sklearn: "SVD did not converge, randomizing and trying again"
            }
        }
        throw new IllegalStateException("discretize: SVD did not converge in " + maxSvdRestarts + " restarts");
    }

    /**
     * sklearn's {@code cluster_qr} (Damle, Minden and Ying 2019): the k rows chosen by a column-pivoted QR of
     * the embedding's transpose define, through an SVD, the rotation whose largest absolute coordinate labels
     * each point.
     */
    public static Assignment clusterQr(Embedding embedding) {
        int n = embedding.n();
        int k = embedding.k();
        double[] v = embedding.vectors();
        int[] pivots = pivotedQrPivots(v, n, k);
        double[] sub = new double[k * k]; // vectors[piv[:k], :].T
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                sub[b * k + a] = v[pivots[a] * k + b];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(toMatrix(sub, k));
        RealMatrix rot = svd.getU().multiply(svd.getVT()); // ut @ vh
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            double best = -1;
            for (int c = 0; c < k; c++) {
                double t = 0;
                for (int r = 0; r < k; r++) {
                    t += v[i * k + r] * rot.getEntry(r, c);
                }
                if (Math.abs(t) > best) {
                    best = Math.abs(t);
                    arg = c;
                }
            }
            labels[i] = arg;
        }
        return new Assignment(labels, 1);
    }

    /**
     * The first k column pivots of a Businger-Golub pivoted QR of the k x n matrix whose columns are the
     * embedding rows: repeatedly take the row with the largest remaining norm (first on ties, like LAPACK's
     * idamax) and project it out of all rows.
     */
    static int[] pivotedQrPivots(double[] v, int n, int k) {
        double[] residual = v.clone();
        double[] norms = new double[n];
        boolean[] used = new boolean[n];
        int[] pivots = new int[k];
        double[] q = new double[k];
        for (int step = 0; step < k; step++) {
            int arg = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    continue;
                }
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += residual[i * k + c] * residual[i * k + c];
                }
                norms[i] = s;
                if (s > best) {
                    best = s;
                    arg = i;
                }
            }
            pivots[step] = arg;
            used[arg] = true;
            double norm = Math.sqrt(best);
            for (int c = 0; c < k; c++) {
                q[c] = norm > 0 ? residual[arg * k + c] / norm : 0;
            }
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int c = 0; c < k; c++) {
                    dot += residual[i * k + c] * q[c];
                }
                for (int c = 0; c < k; c++) {
                    residual[i * k + c] -= dot * q[c];
                }
            }
        }
        return pivots;
    }

    private static Array2DRowRealMatrix toMatrix(double[] rowMajor, int k) {
        double[][] a = new double[k][k];
        for (int r = 0; r < k; r++) {
            System.arraycopy(rowMajor, r * k, a[r], 0, k);
        }
        return new Array2DRowRealMatrix(a, false);
    }
}
