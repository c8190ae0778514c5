package org.ncw.ui.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.playback.LevelMatch;
import org.ncw.ui.session.SessionController;
import org.ncw.ui.session.SessionFile;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

/** The run history, its comparison and the unsaved-changes flag without a window (jobs on the calling thread). */
class HistoryViewModelTest {
    @TempDir
    Path dir;
    private final SilentTransport transport = new SilentTransport();
    private WorkbenchViewModel vm;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void create() {
        vm = WorkbenchViewModel.forTests(transport);
        vm.document().setErrorSink(errors::add);
        vm.params().load(TestRecordings.fastParameters());
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    private static Output output(AnalysisResult r, String name) {
        return r.outputs().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyRunIsKeptWithItsExperimentScoresTimingsAndDiagnostics() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "h", 1.2);
        vm.open(noisy);
        AnalysisResult first = vm.lastResultProperty().get();
        vm.params().load(vm.params().parametersProperty().get().with("clusters", 3));
        AnalysisResult second = vm.lastResultProperty().get();
        assertEquals(List.of(), errors);
        HistoryViewModel h = vm.history();
        assertEquals(2, h.entries().size());
        HistoryEntry a = h.entries().get(0);
        HistoryEntry b = h.entries().get(1);
        assertEquals(first.parameters().toOptions(), a.run().experiment());
        assertEquals(3, b.run().experiment().clusterer().nClusters(), "the second run's whole experiment");
        assertEquals(noisy.toAbsolutePath().normalize().toString(), b.run().file());
        // scores against an independent computation on the same signals
        Signal clean = vm.referenceProperty().get();
        Signal speech = output(second, "Speech").signal();
        double siSdr = QualityMetrics.score(clean, speech).siSdrDb();
        assertEquals(siSdr, b.run().siSdr(), 1e-9, "the record scores the clustered speech");
        assertEquals(siSdr, b.output("Speech").siSdr(), 1e-9);
        assertEquals(siSdr - QualityMetrics.score(clean, vm.inputProperty().get()).siSdrDb(), b.run().deltaSiSdr(),
                1e-9);
        assertEquals(second.outputs().size(), b.outputs().size());
        assertTrue(a.stages().containsKey("cluster"), "the first run computed the clustering: " + a.stages());
        assertTrue(b.run().problems() > 0, "column-by-column clustering solves one problem per frame");
        assertTrue(b.seconds() > 0);
        assertTrue(!b.when().isBefore(a.when()));
        assertEquals(second.labels().speechFraction(), b.speechFraction(), 1e-12);
    }

    @Test
    void diffNamesExactlyTheFieldsThatDiffer() throws Exception {
        vm.open(TestRecordings.writePair(dir, "d", 0.8));
        ParameterSet p = vm.params().parametersProperty().get();
        vm.params().load(p.with("clusters", 3).with("maskMode", "reduce"));
        List<HistoryEntry> e = vm.history().entries();
        List<HistoryViewModel.Difference> d = HistoryViewModel.diff(e.get(0), e.get(1));
        assertEquals(List.of("clusters", "maskMode"), d.stream().map(HistoryViewModel.Difference::key).toList());
        assertEquals("2", d.get(0).a());
        assertEquals("3", d.get(0).b());
        assertEquals(List.of(), HistoryViewModel.diff(e.get(0), e.get(0)));
        // a setting no panel field shows is still found, by its path in the experiment file
        var base = e.get(0).run().experiment();
        var other = org.ncw.engine.workbench.WorkbenchOptions.fromJson(base.toJson()
                .replaceFirst("\"quantum\" : [0-9.eE+-]+", "\"quantum\" : 0.125"));
        List<HistoryViewModel.Difference> hidden = HistoryViewModel.diff(base, other);
        assertFalse(hidden.isEmpty(), "the quantum differs");
        assertTrue(hidden.stream().allMatch(x -> x.key().endsWith("quantum")), hidden.toString());
    }

    @Test
    void pinsSurviveClearingAndRestoreIsUndoable() throws Exception {
        vm.open(TestRecordings.writePair(dir, "p", 0.8));
        ParameterSet p1 = vm.params().parametersProperty().get();
        vm.params().load(p1.with("clusters", 3));
        vm.params().load(p1.with("clusters", 4));
        HistoryViewModel h = vm.history();
        assertEquals(3, h.entries().size());
        int mods = h.modificationsProperty().get();
        h.setPinned(h.entries().get(0).id(), true);
        assertTrue(h.modificationsProperty().get() > mods, "a pin is a change the session saves");
        h.clearUnpinned();
        assertEquals(1, h.entries().size());
        assertTrue(h.entries().get(0).pinned());
        assertEquals(p1, h.entries().get(0).parameters());

        h.restore(h.entries().get(0));
        assertEquals(p1, vm.params().parametersProperty().get(), "the run's settings are in the panel");
        assertEquals("2", vm.params().textProperty("clusters").get());
        assertEquals(p1, vm.lastResultProperty().get().parameters(), "and they ran");
        vm.params().undo();
        assertEquals(4, vm.params().parametersProperty().get().integer("clusters"), "restoring is undoable");
    }

    @Test
    void onlyPinnedAndRecentRunsKeepTheirAudioTheOthersAreRecomputedIdentically() throws Exception {
        vm.open(TestRecordings.writePair(dir, "m", 0.8));
        double[] firstSpeech = output(vm.lastResultProperty().get(), "Speech").signal().samples().clone();
        ParameterSet p = vm.params().parametersProperty().get();
        for (int k = 3; k <= 5; k++) {
            vm.params().load(p.with("clusters", k));
        }
        HistoryViewModel h = vm.history();
        assertEquals(4, h.entries().size());
        HistoryEntry oldest = h.entries().get(0);
        assertFalse(h.resultsKept(oldest.id()), "only the " + HistoryViewModel.KEEP_RECENT + " newest keep audio");
        assertFalse(h.resultsKept(h.entries().get(1).id()));
        assertTrue(h.resultsKept(h.entries().get(3).id()));
        h.setPinned(h.entries().get(1).id(), true);
        vm.params().load(p.with("clusters", 6));
        assertFalse(h.resultsKept(oldest.id()));
        AtomicReference<AnalysisResult> again = new AtomicReference<>();
        h.results(oldest, again::set, t -> { throw new AssertionError(t); });
        assertEquals(1, h.recomputations());
        assertArrayEquals(firstSpeech, output(again.get(), "Speech").signal().samples(),
                "recomputed from its settings, the run's audio is the same");
        assertEquals(p, again.get().parameters());
    }

    @Test
    void compareDiffsTwoRunsAndSwitchesBetweenThemAtTheSamePosition() throws Exception {
        vm.open(TestRecordings.writePair(dir, "c", 1.2));
        AnalysisResult r1 = vm.lastResultProperty().get();
        vm.params().load(vm.params().parametersProperty().get().with("clusters", 3));
        AnalysisResult r2 = vm.lastResultProperty().get();
        CompareViewModel c = vm.compare();
        boolean[] ready = {false};
        c.compare(vm.history().entries().get(0), vm.history().entries().get(1), () -> ready[0] = true);
        assertTrue(ready[0]);
        assertEquals(List.of("clusters"), c.differences().stream().map(HistoryViewModel.Difference::key).toList());
        assertSame(r1, c.resultAProperty().get());
        assertEquals("Speech", c.outputProperty().get());
        assertSame(r1.labels(), c.spectrogramA().labelsProperty().get(), "run A's labels over the spectrogram");
        assertSame(r2.labels(), c.spectrogramB().labelsProperty().get());

        vm.seek(0.4);
        c.listen(CompareViewModel.Side.A);
        Signal a = output(r1, "Speech").signal();
        Signal b = output(r2, "Speech").signal();
        assertNotSame(a, b);
        assertSame(a, transport.source());
        assertEquals(0.4, transport.positionSeconds(), 1e-12);
        assertEquals(LevelMatch.gain(a, vm.inputProperty().get()), transport.gain(), 1e-12, "level-matched");
        c.toggle();
        assertSame(b, transport.source(), "A/B switched to run B's speech");
        assertEquals(0.4, transport.positionSeconds(), 1e-12, "at the same position");
        assertEquals(CompareViewModel.Side.B, c.heardProperty().get());
        vm.playback().hearResults();
        assertSame(vm.results().selectedProperty().get().signal(), transport.source(), "back to the results list");
    }

    @Test
    void historyRoundTripsThroughTheSessionFileAndOldSessionsStillLoad() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "s", 0.8);
        vm.open(noisy);
        vm.params().load(vm.params().parametersProperty().get().with("clusters", 3));
        vm.history().setPinned(vm.history().entries().get(0).id(), true);
        Path session = dir.resolve("s" + SessionFile.SUFFIX);
        assertTrue(vm.sessions().dirtyProperty().get(), "settings and a pin changed");
        assertTrue(vm.titleBinding().get().startsWith("* "), vm.titleBinding().get());
        vm.saveSession(session, f -> { });
        assertFalse(vm.sessions().dirtyProperty().get());
        assertEquals("Noise Clustering Workbench — s.ncw-session.json", vm.titleBinding().get());

        SessionFile read = SessionFile.read(session);
        assertEquals(List.copyOf(vm.history().entries()), read.history(), "every entry, field for field");

        WorkbenchViewModel again = WorkbenchViewModel.forTests(new SilentTransport());
        try {
            again.open(session);
            assertEquals(List.copyOf(vm.history().entries()), List.copyOf(again.history().entries()));
            assertTrue(again.history().entries().get(0).pinned());
            assertTrue(again.history().resultsKept(again.history().entries().get(1).id()),
                    "the reopened session's run is the last saved one: its results are kept");
            assertFalse(again.sessions().dirtyProperty().get(), "a just-opened session has nothing unsaved");
        } finally {
            again.close();
        }

        // a version-1 session wrote a summary per run: it still opens, without those entries
        ObjectNode root = (ObjectNode) Json.mapper().readTree(Files.readString(session));
        ArrayNode old = root.putArray("history");
        old.addObject().put("seconds", 0.5).put("speechFraction", 0.4).putArray("recomputed").add("cluster");
        Path v1 = dir.resolve("old" + SessionFile.SUFFIX);
        Files.writeString(v1, Json.write(root));
        assertEquals(List.of(), SessionFile.read(v1).history());
    }

    @Test
    void chosenRunsExportTheirResultsExperimentsAndAManifest() throws Exception {
        vm.open(TestRecordings.writePair(dir, "x", 0.8));
        ParameterSet p = vm.params().parametersProperty().get();
        for (int k = 3; k <= 4; k++) {
            vm.params().load(p.with("clusters", k));
        }
        HistoryViewModel h = vm.history();
        HistoryEntry oldest = h.entries().get(0);
        HistoryEntry newest = h.entries().get(2);
        assertFalse(h.resultsKept(oldest.id()), "this one is recomputed for the export");
        Path out = dir.resolve("runs");
        AtomicReference<List<Path>> written = new AtomicReference<>();
        vm.exportRuns(List.of(oldest, newest), out, written::set);
        assertEquals(List.of(), errors);
        assertTrue(written.get() != null && written.get().contains(out.resolve(org.ncw.ui.export.RunsExport.FILE)));
        Signal input = vm.inputProperty().get();
        for (HistoryEntry e : List.of(oldest, newest)) {
            Path run = out.resolve("run-" + e.id());
            assertEquals(e.run().experiment(), org.ncw.engine.workbench.WorkbenchOptions.read(
                    run.resolve(org.ncw.ui.export.Exporter.EXPERIMENT)), "its experiment file loads back");
            for (HistoryEntry.Score s : e.outputs()) {
                Path wav = run.resolve(s.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        + ".wav");
                assertEquals(input.length(), org.ncw.ui.analysis.EngineBridge.read(wav).length(), wav.toString());
            }
            JsonNode m = Json.mapper().readTree(Files.readString(run.resolve("manifest.json")));
            assertEquals(e.outputs().size(), m.get("results").size());
        }
        JsonNode top = Json.mapper().readTree(Files.readString(out.resolve(org.ncw.ui.export.RunsExport.FILE)));
        assertEquals(2, top.get("runs").size());
        assertEquals("run-" + oldest.id(), top.get("runs").get(0).get("folder").asText());
        assertEquals(oldest, HistoryJson.fromNode(top.get("runs").get(0).get("entry"), 0), "the entry in full");
        // the recomputed run's audio is its own: its speech equals a fresh recomputation of its settings
        AtomicReference<AnalysisResult> again = new AtomicReference<>();
        h.results(oldest, again::set, t -> { throw new AssertionError(t); });
        Signal speech = org.ncw.ui.analysis.EngineBridge.read(out.resolve("run-" + oldest.id()).resolve("speech.wav"));
        double[] expected = output(again.get(), "Speech").signal().samples();
        for (int i = 0; i < expected.length; i += 97) {
            assertEquals(expected[i], speech.samples()[i], 1.0 / 32768 + 1e-9, "16-bit sample " + i);
        }
    }

    @Test
    void unsavedChangesAskBeforeTheyAreDropped() throws Exception {
        vm.open(TestRecordings.writePair(dir, "u", 0.8));
        assertFalse(vm.sessions().dirtyProperty().get(), "a recording just opened");
        vm.params().load(vm.params().parametersProperty().get().with("clusters", 3));
        assertTrue(vm.sessions().dirtyProperty().get());
        List<String> asked = new ArrayList<>();
        int[] proceeded = {0};
        assertFalse(vm.sessions().confirmDiscard("closing", m -> {
            asked.add(m);
            return SessionController.Answer.CANCEL;
        }, then -> { throw new AssertionError("no save"); }, () -> proceeded[0]++));
        assertEquals(0, proceeded[0], "cancel keeps everything");
        assertEquals(List.of("Save the changes to u.noisy.wav before closing?"), asked);
        vm.sessions().confirmDiscard("closing", m -> SessionController.Answer.DISCARD, then -> { },
                () -> proceeded[0]++);
        assertEquals(1, proceeded[0]);
        Path session = dir.resolve("u" + SessionFile.SUFFIX);
        vm.sessions().confirmDiscard("closing", m -> SessionController.Answer.SAVE,
                then -> vm.saveSession(session, f -> then.run()), () -> proceeded[0]++);
        assertEquals(2, proceeded[0], "saved, then closed");
        assertTrue(Files.isRegularFile(session));
        assertFalse(vm.sessions().dirtyProperty().get());
        vm.sessions().confirmDiscard("closing", m -> { throw new AssertionError("nothing to ask"); }, then -> { },
                () -> proceeded[0]++);
        assertEquals(3, proceeded[0]);
    }
}
