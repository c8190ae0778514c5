package org.ncw.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.ncw.engine.core.Json;

/** Loads the scikit-learn fixtures written by src/test/python/make_cluster_fixtures.py. */
final class ClusterFixtures {
    static final String[] DATASETS = {"blobs2", "blobs3", "moons", "intensities1d", "table3d"};

    private ClusterFixtures() {
    }

    static JsonNode load(String name) {
        String path = "/fixtures/cluster/" + name + ".json";
        try (InputStream in = ClusterFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                m[i][j] = row.get(j).asDouble();
            }
        }
        return m;
    }

    static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    static int[] labels(JsonNode node) {
        int[] v = new int[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asInt();
        }
        return v;
    }
}
