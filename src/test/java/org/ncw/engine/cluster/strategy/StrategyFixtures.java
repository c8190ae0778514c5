package org.ncw.engine.cluster.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads src/test/resources/fixtures/strategy/columns_rbf.json (made by src/test/python/make_strategy_fixtures.py). */
final class StrategyFixtures {
    record Column(int nFft, int frame, boolean wellPosed, double[] values, int[] labels) {
    }

    private StrategyFixtures() {
    }

    static List<Column> columns() throws IOException {
        try (InputStream in = StrategyFixtures.class.getResourceAsStream("/fixtures/strategy/columns_rbf.json")) {
            JsonNode root = Json.mapper().readTree(in);
            List<Column> out = new ArrayList<>();
            for (JsonNode c : root.get("columns")) {
                out.add(new Column(c.get("nFft").asInt(), c.get("frame").asInt(), c.get("wellPosed").asBoolean(),
                        Json.mapper().convertValue(c.get("values"), double[].class),
                        Json.mapper().convertValue(c.get("labels"), int[].class)));
            }
            return out;
        }
    }
}
