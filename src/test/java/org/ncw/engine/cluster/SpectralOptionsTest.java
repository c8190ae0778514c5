package org.ncw.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;

class SpectralOptionsTest {
    @Test
    void defaultsAreSklearnsExceptTwoClusters() {
        SpectralOptions o = SpectralOptions.defaults();
        assertEquals(2, o.nClusters());
        assertEquals(AffinityKind.RBF, o.affinity());
        assertEquals(1.0, o.gamma());
        assertEquals(10, o.nNeighbors());
        assertEquals(LabelAssignment.KMEANS, o.assignLabels());
        assertEquals(10, o.nInit());
        assertEquals(0.0, o.rbfTolerance());
    }

    @Test
    void roundTripsThroughJson() {
        SpectralOptions o = SpectralOptions.defaults().withAffinity(AffinityKind.NEAREST_NEIGHBORS).withNNeighbors(7)
                .withAssignLabels(LabelAssignment.DISCRETIZE).withEigenSolver(EigenSolver.LANCZOS).withSeed(42)
                .withRbfTolerance(1e-4).withScaling(FeatureScaling.MIN_MAX).withGamma(0.5).withNInit(3)
                .withNClusters(3).withEigenTolerance(1e-6).withMaxEigenIterations(50);
        assertEquals(o, Json.read(Json.write(o), SpectralOptions.class));
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> SpectralOptions.defaults().withGamma(-1));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        assertTrue(assertThrows(InvalidParameterException.class, () -> SpectralOptions.defaults().withNClusters(0))
                .getMessage().contains("nClusters"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> SpectralOptions.defaults().withRbfTolerance(1))
                .getMessage().contains("rbfTolerance"));
        InvalidParameterException fromJson = assertThrows(InvalidParameterException.class,
                () -> Json.read("{\"nClusters\":2,\"affinity\":\"RBF\",\"gamma\":0,\"nNeighbors\":10,"
                        + "\"assignLabels\":\"KMEANS\",\"eigenSolver\":\"AUTO\",\"nInit\":10,\"seed\":0,"
                        + "\"rbfTolerance\":0,\"scaling\":\"NONE\",\"eigenTolerance\":0,\"maxEigenIterations\":0}", SpectralOptions.class));
        assertTrue(fromJson.getMessage().contains("gamma"), fromJson.getMessage());
    }
}
