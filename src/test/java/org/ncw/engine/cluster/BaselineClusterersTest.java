package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;

/** k-means, Ward and Gaussian mixtures against scikit-learn's labels on the same fixtures. */
class BaselineClusterersTest {
    private static double ari(JsonNode f, String baseline, ClusteringResult r) {
        return AdjustedRandIndex.of(ClusterFixtures.labels(f.get("baselines").get(baseline)), r.labels());
    }

    private static Points points(JsonNode f) {
        return Points.of(ClusterFixtures.matrix(f.get("x")));
    }

    private static FeatureScaling scaling(JsonNode f) {
        return FeatureScaling.valueOf(f.get("scaling").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs2", "blobs3", "moons", "intensities1d"})
    void kMeansMatchesSklearn(String name) {
        JsonNode f = ClusterFixtures.load(name);
        ClusteringResult r = KMeansClusterer.fit(points(f), KMeansOptions.defaults()
                .withNClusters(f.get("n_clusters").asInt()).withScaling(scaling(f)), TaskMonitor.none());
        assertTrue(ari(f, "kmeans", r) >= 0.99, name + " ARI " + ari(f, "kmeans", r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs2", "blobs3", "moons", "intensities1d", "table3d"})
    void wardMatchesSklearn(String name) {
        JsonNode f = ClusterFixtures.load(name);
        ClusteringResult r = AgglomerativeClusterer.fit(points(f), AgglomerativeOptions.defaults()
                .withNClusters(f.get("n_clusters").asInt()).withScaling(scaling(f)), TaskMonitor.none());
        assertTrue(ari(f, "ward", r) >= 0.99, name + " ARI " + ari(f, "ward", r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs2", "blobs3", "moons", "intensities1d"})
    void gaussianMixturesMatchSklearn(String name) {
        JsonNode f = ClusterFixtures.load(name);
        for (GaussianMixtureOptions.Covariance cov : GaussianMixtureOptions.Covariance.values()) {
            ClusteringResult r = GaussianMixtureClusterer.fit(points(f), GaussianMixtureOptions.defaults()
                            .withNComponents(f.get("n_clusters").asInt()).withScaling(scaling(f)).withCovariance(cov),
                    TaskMonitor.none());
            String key = cov == GaussianMixtureOptions.Covariance.FULL ? "gmm_full" : "gmm_diag";
            assertTrue(ari(f, key, r) >= 0.95, name + " " + cov + " ARI " + ari(f, key, r) + " " + r);
        }
    }

    /** A constant feature (the frame of a 3-D table column) changes neither the labels nor, but for its own term, the fit. */
    @Test
    void aConstantFeatureLeavesTheMixtureAsItWas() {
        JsonNode f = ClusterFixtures.load("blobs3");
        Points p = points(f);
        double[] withConstant = new double[p.n() * (p.d() + 1)];
        for (int i = 0; i < p.n(); i++) {
            withConstant[i * (p.d() + 1)] = 7.25;
            System.arraycopy(p.data(), i * p.d(), withConstant, i * (p.d() + 1) + 1, p.d());
        }
        for (GaussianMixtureOptions.Covariance cov : GaussianMixtureOptions.Covariance.values()) {
            GaussianMixtureOptions o = GaussianMixtureOptions.defaults().withNComponents(3).withCovariance(cov);
            ClusteringResult plain = GaussianMixtureClusterer.fit(p, o, TaskMonitor.none());
            ClusteringResult wider = GaussianMixtureClusterer.fit(new Points(p.n(), p.d() + 1, withConstant), o,
                    TaskMonitor.none());
            assertArrayEquals(plain.labels(), wider.labels(), cov.toString());
            // log N(mu; mu, regCovar) = -0.5 log(2 pi regCovar) per point
            double term = -0.5 * Math.log(2 * Math.PI * o.regCovar());
            assertEquals(plain.diagnostics().get("gmm.logLikelihood") + term,
                    wider.diagnostics().get("gmm.logLikelihood"), 1e-9, cov.toString());
        }
    }

    /** The 3-D table has no clean clusters, so local optima differ: compare the objectives instead. */
    @Test
    void objectivesOnUnstructuredDataAreAsGoodAsSklearns() {
        JsonNode f = ClusterFixtures.load("table3d");
        JsonNode b = f.get("baselines");
        ClusteringResult km = KMeansClusterer.fit(points(f), KMeansOptions.defaults().withScaling(scaling(f)),
                TaskMonitor.none());
        assertEquals(b.get("kmeans_inertia").asDouble(), km.diagnostics().get("kmeans.inertia"),
                1e-3 * b.get("kmeans_inertia").asDouble(), km.toString());
        for (GaussianMixtureOptions.Covariance cov : GaussianMixtureOptions.Covariance.values()) {
            ClusteringResult g = GaussianMixtureClusterer.fit(points(f), GaussianMixtureOptions.defaults()
                    .withScaling(scaling(f)).withCovariance(cov).withNInit(5), TaskMonitor.none());
            String key = cov == GaussianMixtureOptions.Covariance.FULL ? "gmm_full_loglik" : "gmm_diag_loglik";
            assertTrue(g.diagnostics().get("gmm.logLikelihood") >= b.get(key).asDouble() - 1e-3,
                    cov + " log-likelihood " + g.diagnostics().get("gmm.logLikelihood") + " < sklearn's "
                            + b.get(key).asDouble());
        }
    }

    @Test
    void optionsRoundTripThroughJsonAndValidate() {
        KMeansOptions k = KMeansOptions.defaults().withNClusters(4).withSeed(9).withTol(1e-6)
                .withScaling(FeatureScaling.STANDARDIZE);
        assertEquals(k, Json.read(Json.write(k), KMeansOptions.class));
        AgglomerativeOptions a = AgglomerativeOptions.defaults().withNClusters(3).withMaxPoints(500);
        assertEquals(a, Json.read(Json.write(a), AgglomerativeOptions.class));
        GaussianMixtureOptions g = GaussianMixtureOptions.defaults()
                .withCovariance(GaussianMixtureOptions.Covariance.DIAGONAL).withNInit(3).withRegCovar(1e-4);
        assertEquals(g, Json.read(Json.write(g), GaussianMixtureOptions.class));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KMeansOptions.defaults().withNInit(0))
                .getMessage().contains("nInit"));
    }

    @Test
    void wardRefusesInputsBeyondItsMemoryGuard() {
        Points p = Points.ofColumn(new double[] {1, 2, 3, 4, 5, 6});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgglomerativeClusterer.fit(p, AgglomerativeOptions.defaults().withMaxPoints(5),
                        TaskMonitor.none()));
        assertTrue(e.getMessage().contains("maxPoints=5"), e.getMessage());
    }

    @Test
    void kMeansWarnsWhenThereAreFewerDistinctPointsThanClusters() {
        Points p = Points.ofColumn(new double[] {1, 1, 1, 2, 2, 2});
        ClusteringResult r = KMeansClusterer.fit(p, KMeansOptions.defaults().withNClusters(3), TaskMonitor.none());
        assertEquals(1, r.warnings().size(), r.toString());
        assertTrue(r.warnings().get(0).contains("distinct points (2)"), r.warnings().toString());
    }
}
