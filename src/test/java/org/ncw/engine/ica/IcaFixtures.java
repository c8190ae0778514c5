package org.ncw.engine.ica;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads src/test/resources/fixtures/ica/fastica_sklearn.json (made by src/test/python/make_ica_fixtures.py). */
final class IcaFixtures {
    record Case(String name, FastIcaOptions options, double[][] x, double[][] trueSources, double[][] wInit,
                double[][] components, double[][] mixing, double[] mean, double[][] whitening, int nIter,
                double[][] sources) {
        @Override
        public String toString() {
            return name;
        }
    }

    private IcaFixtures() {
    }

    static String sklearnVersion() {
        return root().get("sklearn").asText();
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode c : root().get("cases")) {
            FastIcaOptions o = FastIcaOptions.defaults()
                    .withAlgorithm(FastIcaOptions.Algorithm.valueOf(c.get("algorithm").asText().toUpperCase()))
                    .withContrast(FastIcaOptions.Contrast.valueOf(c.get("fun").asText().toUpperCase()));
            out.add(new Case(c.get("name").asText(), o, matrix(c.get("x")), matrix(c.get("trueSources")),
                    matrix(c.get("wInit")), matrix(c.get("components")), matrix(c.get("mixing")),
                    vector(c.get("mean")), matrix(c.get("whitening")), c.get("nIter").asInt(),
                    matrix(c.get("sources"))));
        }
        return out;
    }

    private static JsonNode root() {
        try (InputStream in = IcaFixtures.class.getResourceAsStream("/fixtures/ica/fastica_sklearn.json")) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }

    private static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    static double correlation(double[] a, double[] b) {
        double ma = FastIca.mean(a);
        double mb = FastIca.mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** For each true source, the best |r| with any estimated source (order, sign and scale free). */
    static double[] bestAbsCorrelations(double[][] truth, double[][] estimated) {
        double[] best = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            for (double[] e : estimated) {
                best[i] = Math.max(best[i], Math.abs(correlation(truth[i], e)));
            }
        }
        return best;
    }
}
