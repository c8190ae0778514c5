package org.ncw.engine.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ncw.engine.core.TaskMonitor;

/**
 * Gaussian mixture clustering by EM, as scikit-learn's {@code GaussianMixture}: responsibilities initialised from
 * one k-means run, M-step with {@code regCovar} added to the covariance diagonal, E-step in log space, stop when
 * the mean log-likelihood improves by less than {@code tol}; the best of {@code nInit} runs is kept and labels are
 * the most responsible component after a final E-step.
 */
public final class GaussianMixtureClusterer extends OptionsClusterer<GaussianMixtureOptions> {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public GaussianMixtureClusterer(GaussianMixtureOptions options) {
        super(options);
    }

    @Override
    public ClusteringResult fit(Points points, TaskMonitor monitor) {
        return fit(points, options, monitor);
    }

    /** Fitted mixture: weights, means (k x d), covariances (k x d x d, diagonal models keep the diagonal only). */
    private record Model(double[] weights, double[] means, double[] cov, double logLikelihood, int iterations,
                         boolean converged) {
    }

    public static ClusteringResult fit(Points points, GaussianMixtureOptions options, TaskMonitor monitor) {
        int n = points.n();
        int k = options.nComponents();
        if (n < k) {
            throw new IllegalArgumentException("cannot fit nComponents=" + k + " components to " + n + " points");
        }
        Points all = FeatureScaler.apply(points, options.scaling());
        Points scaled = all.withoutConstantFeatures();
        // a constant feature adds the same term to every component's log-density (so the responsibilities do not
        // depend on it): that of N(0, regCovar) at its mean; EM in fewer dimensions is cheaper
        double constantLogDensity = (all.d() - scaled.d()) * -0.5 * (LOG_2PI + Math.log(options.regCovar()));
        SplittableRandom seeds = new SplittableRandom(options.seed());
        Model best = null;
        double[] resp = new double[n * k];
        for (int run = 0; run < options.nInit(); run++) {
            int[] init = KMeans.fit(scaled, k, 1, 300, 1e-4, seeds.nextLong(), TaskMonitor.none()).labels();
            java.util.Arrays.fill(resp, 0);
            for (int i = 0; i < n; i++) {
                resp[i * k + init[i]] = 1;
            }
            Model m = em(scaled, resp, options, monitor.sub((double) run / options.nInit(),
                    (run + 1.0) / options.nInit()));
            if (best == null || m.logLikelihood() > best.logLikelihood()) {
                best = m;
            }
        }
        double[] logResp = new double[n * k];
        eStep(scaled, best, logResp);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (logResp[i * k + c] > logResp[i * k + arg]) {
                    arg = c;
                }
            }
            labels[i] = arg;
        }
        List<String> warnings = new ArrayList<>();
        if (!best.converged()) {
            warnings.add("EM did not converge in maxIter=" + options.maxIter() + " iterations; raise maxIter or tol");
        }
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("gmm.logLikelihood", best.logLikelihood() + constantLogDensity);
        diagnostics.put("gmm.iterations", (double) best.iterations());
        for (int c = 0; c < k; c++) {
            diagnostics.put("gmm.weight." + c, best.weights()[c]);
        }
        return new ClusteringResult(labels, k, warnings, diagnostics);
    }

    private static Model em(Points x, double[] resp, GaussianMixtureOptions o, TaskMonitor monitor) {
        int n = x.n();
        int k = o.nComponents();
        Model model = mStep(x, resp, k, o);
        double[] logResp = new double[n * k];
        double lower = Double.NEGATIVE_INFINITY;
        for (int it = 1; it <= o.maxIter(); it++) {
            double ll = eStep(x, model, logResp);
            for (int t = 0; t < resp.length; t++) {
                resp[t] = Math.exp(logResp[t]);
            }
            model = mStep(x, resp, k, o);
            monitor.step(it, o.maxIter());
            if (Math.abs(ll - lower) < o.tol()) {
                return new Model(model.weights(), model.means(), model.cov(), ll, it, true);
            }
            lower = ll;
        }
        return new Model(model.weights(), model.means(), model.cov(), lower, o.maxIter(), false);
    }

    private static Model mStep(Points x, double[] resp, int k, GaussianMixtureOptions o) {
        int n = x.n();
        int d = x.d();
        double[] data = x.data();
        double[] nk = new double[k];
        double[] means = new double[k * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i * k + c];
                nk[c] += r;
                for (int f = 0; f < d; f++) {
                    means[c * d + f] += r * data[i * d + f];
                }
            }
        }
        double eps = 10 * Math.ulp(1.0); // sklearn adds 10 * eps to nk against empty components
        for (int c = 0; c < k; c++) {
            nk[c] += eps;
            for (int f = 0; f < d; f++) {
                means[c * d + f] /= nk[c];
            }
        }
        double[] cov = new double[k * d * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double r = resp[i * k + c];
                if (r == 0) {
                    continue;
                }
                for (int a = 0; a < d; a++) {
                    double da = data[i * d + a] - means[c * d + a];
                    if (o.covariance() == GaussianMixtureOptions.Covariance.DIAGONAL) {
                        cov[(c * d + a) * d + a] += r * da * da;
                    } else {
                        for (int b = 0; b <= a; b++) {
                            cov[(c * d + a) * d + b] += r * da * (data[i * d + b] - means[c * d + b]);
                        }
                    }
                }
            }
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = nk[c] / n;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = cov[(c * d + a) * d + b] / nk[c];
                    cov[(c * d + a) * d + b] = v;
                    cov[(c * d + b) * d + a] = v;
                }
                cov[(c * d + a) * d + a] += o.regCovar();
            }
        }
        return new Model(weights, means, cov, Double.NaN, 0, false);
    }

    /** Log responsibilities into {@code logResp}; returns the mean log-likelihood per point. */
    private static double eStep(Points x, Model m, double[] logResp) {
        int n = x.n();
        int d = x.d();
        int k = m.weights().length;
        double[] data = x.data();
        double[][] chol = new double[k][];
        double[] logDet = new double[k];
        for (int c = 0; c < k; c++) {
            chol[c] = cholesky(m.cov(), c * d * d, d, c);
            for (int a = 0; a < d; a++) {
                logDet[c] += 2 * Math.log(chol[c][a * d + a]);
            }
        }
        double total = 0;
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                // Mahalanobis distance by forward substitution with the Cholesky factor
                double[] l = chol[c];
                double maha = 0;
                for (int a = 0; a < d; a++) {
                    double s = data[i * d + a] - m.means()[c * d + a];
                    for (int b = 0; b < a; b++) {
                        s -= l[a * d + b] * z[b];
                    }
                    z[a] = s / l[a * d + a];
                    maha += z[a] * z[a];
                }
                double lp = Math.log(m.weights()[c]) - 0.5 * (d * LOG_2PI + logDet[c] + maha);
                logResp[i * k + c] = lp;
                max = Math.max(max, lp);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logResp[i * k + c] - max);
            }
            double logNorm = max + Math.log(sum);
            total += logNorm;
            for (int c = 0; c < k; c++) {
                logResp[i * k + c] -= logNorm;
            }
        }
        return total / n;
    }

    private static double[] cholesky(double[] cov, int offset, int d, int component) {
        double[] l = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double s = cov[offset + a * d + b];
                for (int t = 0; t < b; t++) {
                    s -= l[a * d + t] * l[b * d + t];
                }
                if (a == b) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("covariance of component " + component
                                + " is not positive definite (collapsed onto too few points); raise regCovar");
                    }
                    l[a * d + a] = Math.sqrt(s);
                } else {
                    l[a * d + b] = s / l[b * d + b];
                }
            }
        }
        return l;
    }
}
