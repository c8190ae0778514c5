package org.ncw.engine.cluster.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads src/test/resources/fixtures/strategy/columns_rbf.json (made by src/test/python/make_strategy_fixtures.py). */
final class StrategyFixtures {
    /**
     * @param wellPosed              the 2nd and 3rd eigenvalues of the normalised affinity are clearly below 1
     * @param labels                 scikit-learn 1.2 SpectralClustering labels
     * @param exactLabels            dense exact eigendecomposition + k-means (numpy/sklearn)
     * @param sklearnAgreesWithExact false where sklearn's ARPACK failed on a ~1e-48 degree and its fallback erred
     */
    record Column(String source, int nFft, int frame, boolean wellPosed, boolean sklearnAgreesWithExact,
                  double[] values, int[] labels, int[] exactLabels) {
    }

    private StrategyFixtures() {
    }

    static List<Column> columns() throws IOException {
        try (InputStream in = StrategyFixtures.class.getResourceAsStream("/fixtures/strategy/columns_rbf.json")) {
            JsonNode root = Json.mapper().readTree(in);
            List<Column> out = new ArrayList<>();
            for (JsonNode c : root.get("columns")) {
                out.add(new Column(c.get("source").asText(), c.get("nFft").asInt(), c.get("frame").asInt(),
                        c.get("wellPosed").asBoolean(), c.get("sklearnAgreesWithExact").asBoolean(),
                        Json.mapper().convertValue(c.get("values"), double[].class),
                        Json.mapper().convertValue(c.get("labels"), int[].class),
                        Json.mapper().convertValue(c.get("exactLabels"), int[].class)));
            }
            return out;
        }
    }
}
