package org.ncw.engine.ica;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastIcaOptionsTest {
    @Test
    void defaultsAreScikitLearns() {
        FastIcaOptions d = FastIcaOptions.defaults();
        assertEquals(FastIcaOptions.Algorithm.PARALLEL, d.algorithm());
        assertEquals(FastIcaOptions.Contrast.LOGCOSH, d.contrast());
        assertEquals(1.0, d.alpha());
        assertTrue(d.whiten());
        assertEquals(1e-4, d.tol());
        assertEquals(200, d.maxIter());
        assertEquals(null, d.nComponents());
    }

    @Test
    void roundTripsThroughJson() {
        FastIcaOptions o = FastIcaOptions.defaults().withAlgorithm(FastIcaOptions.Algorithm.DEFLATION)
                .withContrast(FastIcaOptions.Contrast.CUBE).withAlpha(1.5).withWhiten(false).withTol(1e-6)
                .withMaxIter(50).withSeed(42).withNComponents(2);
        assertEquals(o, Json.read(Json.write(o), FastIcaOptions.class));
        assertEquals(FastIcaOptions.defaults(), Json.read(Json.write(FastIcaOptions.defaults()), FastIcaOptions.class));
    }

    @Test
    void invalidValuesAreNamed() {
        FastIcaOptions d = FastIcaOptions.defaults();
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withTol(0)).getMessage().startsWith("tol"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withMaxIter(0)).getMessage()
                .startsWith("maxIter"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withAlpha(3)).getMessage()
                .startsWith("alpha"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withNComponents(0)).getMessage()
                .startsWith("nComponents"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> d.withAlgorithm(null)).getMessage()
                .startsWith("algorithm"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> Json.read("{\"algorithm\":\"PARALLEL\",\"contrast\":\"LOGCOSH\",\"alpha\":1,\"whiten\":true,"
                        + "\"tol\":-1,\"maxIter\":200,\"seed\":0}", FastIcaOptions.class)).getMessage()
                .contains("tol must be"));
    }
}
