package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncw.engine.core.TaskMonitor;

/** Labels, eigenvalues and embeddings against scikit-learn 1.2 on the committed fixtures. */
class SklearnParityTest {
    static Stream<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String name : ClusterFixtures.DATASETS) {
            JsonNode f = ClusterFixtures.load(name);
            for (JsonNode run : f.get("runs")) {
                for (EigenSolver solver : new EigenSolver[] {EigenSolver.DENSE, EigenSolver.LANCZOS}) {
                    out.add(Arguments.of(name, run.get("affinity").asText(), run.get("assign_labels").asText(),
                            solver));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("runs")
    void labelsAgreeWithSklearn(String name, String affinity, String assign, EigenSolver solver) {
        JsonNode f = ClusterFixtures.load(name);
        JsonNode run = null;
        for (JsonNode r : f.get("runs")) {
            if (r.get("affinity").asText().equals(affinity) && r.get("assign_labels").asText().equals(assign)) {
                run = r;
            }
        }
        SpectralOptions options = SpectralOptions.defaults()
                .withNClusters(f.get("n_clusters").asInt())
                .withAffinity(affinity.equals("rbf") ? AffinityKind.RBF : AffinityKind.NEAREST_NEIGHBORS)
                .withGamma(run.get("gamma").asDouble())
                .withNNeighbors(run.get("n_neighbors").asInt())
                .withAssignLabels(LabelAssignment.valueOf(assign.toUpperCase(Locale.ROOT)))
                .withScaling(FeatureScaling.valueOf(f.get("scaling").asText()))
                .withEigenSolver(solver);
        ClusteringResult result = SpectralClusterer.fit(ClusterFixtures.matrix(f.get("x")), options,
                TaskMonitor.none());
        double ari = AdjustedRandIndex.of(ClusterFixtures.labels(run.get("labels")), result.labels());
        assertTrue(ari >= f.get("min_ari").asDouble(), "ARI " + ari + " vs sklearn: " + result);
    }

    @Test
    void eigenvaluesAndEmbeddingMatchSklearn() {
        for (String name : ClusterFixtures.DATASETS) {
            JsonNode f = ClusterFixtures.load(name);
            int k = f.get("n_clusters").asInt();
            Points points = FeatureScaler.apply(Points.of(ClusterFixtures.matrix(f.get("x"))),
                    FeatureScaling.valueOf(f.get("scaling").asText()));
            for (String affinity : new String[] {"rbf", "nearest_neighbors"}) {
                JsonNode spectrum = f.get("spectra").get(affinity);
                AffinityMatrix a = affinity.equals("rbf")
                        ? AffinityBuilder.rbfDense(points, f.get("runs").get(0).get("gamma").asDouble(),
                        TaskMonitor.none())
                        : AffinityBuilder.knnGraph(points, 10, TaskMonitor.none());
                double[] expected = ClusterFixtures.vector(spectrum.get("eigenvalues"));
                for (EigenSolver solver : new EigenSolver[] {EigenSolver.DENSE, EigenSolver.LANCZOS}) {
                    Embedding e = SpectralEmbedding.compute(a, k, solver, 0, TaskMonitor.none());
                    for (int c = 0; c < k; c++) {
                        assertEquals(expected[c], e.eigenvalues()[c], 1e-7,
                                name + " " + affinity + " " + solver + " eigenvalue " + c);
                    }
                    // eigenvectors are defined up to rotation inside repeated eigenvalues: compare simple ones
                    double[][] sk = ClusterFixtures.matrix(spectrum.get("embedding"));
                    for (int c = 0; c < k; c++) {
                        boolean simple = (c == 0 || expected[c] - expected[c - 1] > 1e-6)
                                && expected[c + 1] - expected[c] > 1e-6;
                        if (!simple) {
                            continue;
                        }
                        double scale = 0;
                        for (double[] row : sk) {
                            scale = Math.max(scale, Math.abs(row[c]));
                        }
                        for (int i = 0; i < sk.length; i++) {
                            assertEquals(sk[i][c], e.get(i, c), 1e-6 * scale,
                                    name + " " + affinity + " " + solver + " embedding[" + i + "][" + c + "]");
                        }
                    }
                }
            }
        }
    }

    @Test
    void adjustedRandIndexMatchesSklearn() {
        JsonNode cases = ClusterFixtures.load("adjusted_rand");
        for (JsonNode c : cases) {
            assertEquals(c.get("ari").asDouble(), AdjustedRandIndex.of(ClusterFixtures.labels(c.get("a")),
                    ClusterFixtures.labels(c.get("b"))), 1e-12, c.toString());
        }
    }
}
