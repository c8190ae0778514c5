package org.ncw.engine.sweep;

import org.junit.jupiter.api.Test;
import org.ncw.engine.cluster.AffinityKind;
import org.ncw.engine.cluster.LabelAssignment;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepGridTest {
    private static SweepGrid grid(String json) throws IOException {
        return SweepGrid.fromJson(json, null);
    }

    private static String failure(String json) {
        return assertThrows(InvalidParameterException.class, () -> grid(json).settings()).getMessage();
    }

    @Test
    void everyCombinationLastFieldFastestWithItsExperiment() throws IOException {
        SweepGrid g = grid("{\"grid\": {\"affinity\": [\"rbf\", \"knn\"], \"labelAssignment\": [\"kmeans\", "
                + "\"discretize\"], \"strategy\": [\"column\", \"complete\"], \"intensity\": [\"db\", \"magnitude\", "
                + "\"power\"]}}");
        List<SweepGrid.Setting> s = g.settings();
        assertEquals(24, g.size());
        assertEquals(24, s.size());
        assertEquals("s01", s.get(0).id());
        assertEquals("s24", s.get(23).id());
        assertEquals(Map.of("affinity", "rbf", "labelAssignment", "kmeans", "strategy", "column", "intensity", "db"),
                s.get(0).values());
        assertEquals(List.of("affinity", "labelAssignment", "strategy", "intensity"),
                List.copyOf(s.get(0).values().keySet()));
        // index 1 * 12 + 0 * 6 + 1 * 3 + 2 = 17: knn, kmeans, complete, power
        SweepGrid.Setting x = s.get(17);
        assertEquals(Map.of("affinity", "knn", "labelAssignment", "kmeans", "strategy", "complete",
                "intensity", "power"), x.values());
        WorkbenchOptions e = x.experiment();
        assertEquals(AffinityKind.NEAREST_NEIGHBORS, e.clusterer().spectral().affinity());
        assertEquals(LabelAssignment.KMEANS, e.clusterer().spectral().assignLabels());
        assertEquals(StrategyKind.COMPLETE, e.strategy().strategy());
        assertEquals(Intensity.POWER, e.strategy().intensity());
        assertEquals("cluster:complete/matrix/strict", x.resolveMethod().name());
        assertEquals(LabelAssignment.DISCRETIZE, s.get(6).experiment().clusterer().spectral().assignLabels());
        // everything not swept stays at the base's value
        assertEquals(WorkbenchOptions.defaults().denoiser(), e.denoiser());
        assertEquals(WorkbenchOptions.defaults().analysis(), e.analysis());
    }

    @Test
    void shorthandsPathsAndGammaAuto() throws IOException {
        SweepGrid byPath = grid("{\"grid\": {\"strategy.intensity\": [\"power\"], \"clusterer.spectral.nNeighbors\": "
                + "[7], \"denoiser.gainFloorDb\": [-20.0]}}");
        WorkbenchOptions e = byPath.settings().get(0).experiment();
        assertEquals(Intensity.POWER, e.strategy().intensity());
        assertEquals(7, e.clusterer().spectral().nNeighbors());
        assertEquals(-20.0, e.denoiser().gainFloorDb());
        assertEquals(e.strategy(), grid("{\"grid\": {\"intensity\": [\"power\"]}}").settings().get(0).experiment()
                .strategy());
        List<SweepGrid.Setting> gamma = grid("{\"grid\": {\"gamma\": [\"auto\", 0.25]}}").settings();
        assertEquals(ClusterSettings.GammaMode.AUTO, gamma.get(0).experiment().clusterer().gammaMode());
        assertEquals(ClusterSettings.GammaMode.VALUE, gamma.get(1).experiment().clusterer().gammaMode());
        assertEquals(0.25, gamma.get(1).experiment().clusterer().spectral().gamma());
        List<SweepGrid.Setting> methods = grid("{\"grid\": {\"method\": [\"blind-denoiser\", \"production\"]}}")
                .settings();
        assertEquals("blind-denoiser", methods.get(0).resolveMethod().name());
        assertEquals("production:default", methods.get(1).resolveMethod().name());
    }

    @Test
    void badFieldsAndValuesAreNamed() {
        String unknown = failure("{\"grid\": {\"afinity\": [\"rbf\"]}}");
        assertTrue(unknown.contains("'afinity'") && unknown.contains("'rbf'") && unknown.contains("unknown field"),
                unknown);
        String badPath = failure("{\"grid\": {\"strategy.intensty\": [\"db\"]}}");
        assertTrue(badPath.contains("'strategy.intensty'") && badPath.contains("unknown field"), badPath);
        String badEnum = failure("{\"grid\": {\"intensity\": [\"db\", \"loud\"]}}");
        assertTrue(badEnum.contains("'intensity'") && badEnum.contains("'loud'"), badEnum);
        String badAffinity = failure("{\"grid\": {\"affinity\": [\"rbf\", \"knx\"]}}");
        assertTrue(badAffinity.contains("'knx'") && badAffinity.contains("rbf or knn"), badAffinity);
        String badNumber = failure("{\"grid\": {\"gamma\": [\"wide\"]}}");
        assertTrue(badNumber.contains("'gamma'") && badNumber.contains("'wide'"), badNumber);
        String badMethod = failure("{\"grid\": {\"method\": [\"magic\"]}}");
        assertTrue(badMethod.contains("'method'") && badMethod.contains("unknown method 'magic'"), badMethod);
        assertTrue(failure("{\"grid\": {\"affinity\": []}}").contains("non-empty"));
        assertTrue(failure("{\"grid\": {\"affinity\": [\"rbf\", \"rbf\"]}}").contains("twice"));
        assertTrue(failure("{\"grid\": {}}").contains("at least one field"));
        assertTrue(failure("{\"affinity\": [\"rbf\"]}").contains("unknown key 'affinity'"));
        assertTrue(failure("[1, 2]").contains("one object"));
        assertTrue(failure("{\"format\": \"other\", \"grid\": {\"affinity\": [\"rbf\"]}}").contains("format"));
    }

    @Test
    void hashFollowsBaseFieldsAndValues() throws IOException {
        String a = grid("{\"grid\": {\"affinity\": [\"rbf\", \"knn\"]}}").hash();
        assertEquals(a, grid("{\"grid\": {\"affinity\": [\"rbf\", \"knn\"]}}").hash());
        assertNotEquals(a, grid("{\"grid\": {\"affinity\": [\"knn\", \"rbf\"]}}").hash());
        assertNotEquals(a, grid("{\"grid\": {\"affinity\": [\"rbf\"]}}").hash());
        String base = WorkbenchOptions.defaults().withDenoiser(WorkbenchOptions.defaults().denoiser()
                .withGainFloorDb(-20)).toJson();
        assertNotEquals(a, grid("{\"base\": " + base + ", \"grid\": {\"affinity\": [\"rbf\", \"knn\"]}}").hash());
        assertEquals(a, grid("{\"base\": " + WorkbenchOptions.defaults().toJson()
                + ", \"grid\": {\"affinity\": [\"rbf\", \"knn\"]}}").hash());
    }

    @Test
    void baseFileRelativeToTheGridAndRoundTrip(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        WorkbenchOptions base = WorkbenchOptions.defaults().withDenoiser(WorkbenchOptions.defaults().denoiser()
                .withGainFloorDb(-21));
        Files.writeString(dir.resolve("base.json"), base.toJson());
        Path file = dir.resolve("grid.json");
        Files.writeString(file, "{\"base\": \"base.json\", \"grid\": {\"maskMode\": [\"strict\", \"soft\"]}}");
        SweepGrid g = SweepGrid.read(file);
        assertEquals(base, g.base());
        SweepGrid again = SweepGrid.fromJson(g.toJson(), null);
        assertEquals(g.hash(), again.hash());
        assertEquals(g.settings().get(1).experiment(), again.settings().get(1).experiment());
        String missing = assertThrows(InvalidParameterException.class,
                () -> SweepGrid.read(dir.resolve("nope.json"))).getMessage();
        assertTrue(missing.contains("nope.json"), missing);
    }
}
