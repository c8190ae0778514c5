package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Json;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.document.LabelledGrid;
import org.ncw.ui.export.ExportManifest;
import org.ncw.ui.export.Exporter;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

/** The workbench's state and actions without a window: every job runs on the calling thread. */
class WorkbenchViewModelTest {
    @TempDir
    Path dir;
    private final SilentTransport transport = new SilentTransport();
    private WorkbenchViewModel vm;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void create() {
        vm = WorkbenchViewModel.forTests(transport);
        vm.document().setErrorSink(errors::add);
        vm.document().setWarningSink(warnings::add);
        vm.params().load(TestRecordings.fastParameters());
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    @Test
    void aNoisyFileBringsTheCleanReferenceBesideItAndScoresEveryResult() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "mix01", 1.2);
        vm.open(noisy);
        assertEquals(List.of(), errors);
        assertEquals(noisy, vm.document().inputPathProperty().get());
        assertEquals(dir.resolve("mix01.clean.wav"), vm.document().referencePathProperty().get());
        assertNotNull(vm.referenceProperty().get());
        List<String> names = vm.results().items().stream().map(Output::name).toList();
        assertEquals(List.of("Original", "Speech", "Residue"), names);
        for (Output o : vm.results().items()) {
            assertTrue(Double.isFinite(o.siSdr()), "scored against the reference: " + o);
        }
        Output speech = vm.results().items().get(1);
        assertTrue(speech.siSdr() > vm.results().items().get(2).siSdr(), "speech output closer to clean than residue");
        assertEquals(1, vm.document().runs().size());
        assertEquals(dir, vm.document().folder(), "dialogs start in the recording's folder");
    }

    @Test
    void aFileWithoutTheNamingConventionHasNoReference() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "mix02", 0.8);
        Path plain = dir.resolve("plain.wav");
        Files.copy(noisy, plain);
        vm.open(plain);
        assertNull(vm.referenceProperty().get());
        assertTrue(vm.results().items().stream().allMatch(o -> Double.isNaN(o.siSdr())));
        assertNull(RecordingLoader.cleanReferenceFor(dir.resolve("missing.noisy.wav")));
    }

    @Test
    void aTruncatedWavOpensWithAWarningSayingHowMuchWasRead() throws Exception {
        Path full = TestRecordings.writePair(dir, "long", 2.0);
        Path cut = dir.resolve("cut.wav");
        byte[] bytes = Files.readAllBytes(full);
        Files.write(cut, java.util.Arrays.copyOf(bytes, 44 + 2 * 4000)); // header + 0.5 s of 16-bit mono
        vm.open(cut);
        assertEquals(List.of(), errors);
        assertEquals(0.5, vm.inputProperty().get().durationSeconds(), 1e-9);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("cut.wav") && warnings.get(0).contains("declares 32000 bytes")
                && warnings.get(0).contains("0.50 s"), warnings.get(0));
    }

    @Test
    void aBadFileIsOneClearErrorAndTheOpenRecordingStays() throws Exception {
        vm.open(TestRecordings.writePair(dir, "ok", 0.8));
        Path bad = dir.resolve("notes.wav");
        Files.writeString(bad, "not audio");
        vm.open(bad);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("Cannot open notes.wav\n"), errors.get(0));
        assertEquals(dir.resolve("ok.noisy.wav"), vm.document().inputPathProperty().get());
    }

    @Test
    void playFollowsTheTransportAndNumberSelectionKeepsThePosition() throws Exception {
        vm.open(TestRecordings.writePair(dir, "play", 1.0));
        vm.seek(0.4);
        vm.togglePlay();
        assertTrue(vm.playingProperty().get());
        assertTrue(transport.isPlaying());
        vm.results().selectNumber(2);
        assertEquals("Speech", vm.results().selectedProperty().get().name());
        assertTrue(transport.source() == vm.results().selectedProperty().get().signal(), "A/B swaps the source");
        assertEquals(0.4, transport.positionSeconds(), 1e-12, "switching keeps the position");
        vm.togglePlay();
        assertFalse(vm.playingProperty().get());
        vm.togglePlay();
        transport.finish();
        vm.tick();
        assertFalse(vm.playingProperty().get(), "reaching the end turns Pause back into Play");
        vm.viewport().select(0.2, 0.6);
        vm.loopSelectionProperty().set(true);
        assertEquals(0.2, transport.loopStart(), 1e-12);
        assertEquals(0.6, transport.loopEnd(), 1e-12);
    }

    @Test
    void labelsAlwaysTravelWithTheirGrid() throws Exception {
        vm.open(TestRecordings.writePair(dir, "grid", 1.0));
        LabelledGrid first = vm.document().labelsProperty().get();
        assertEquals(first.grid().db().bins(), first.labels().bins());
        assertEquals(first.grid().db().frames(), first.labels().frames());
        AtomicReference<String> mismatch = new AtomicReference<>();
        vm.scatter().labelsProperty().addListener((o, a, b) -> {
            var s = vm.scatter().spectrumProperty().get();
            if (b != null && (s.db().bins() != b.bins() || s.db().frames() != b.frames())) {
                mismatch.set(b.bins() + "x" + b.frames() + " labels on " + s.db().bins() + "x" + s.db().frames());
            }
        });
        vm.params().textProperty("lowNfft").set("512");
        LabelledGrid second = vm.document().labelsProperty().get();
        assertEquals(257, second.labels().bins());
        assertNull(mismatch.get());
        assertEquals(second.labels(), vm.scatter().labelsProperty().get());
    }

    @Test
    void exportWritesTheChosenTablesAndAManifestThatTracesTheInput() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "exp", 1.0);
        vm.open(noisy);
        vm.exporter().includeTableProperty().set(false);
        Path out = dir.resolve("out");
        AtomicReference<List<Path>> written = new AtomicReference<>();
        vm.export(out, Map.of(), written::set);
        assertEquals(List.of(), errors);
        assertFalse(Files.exists(out.resolve(Exporter.TABLE)), "3D table not chosen");
        assertTrue(Files.size(out.resolve(Exporter.LABELS)) > 0);
        JsonNode m = Json.mapper().readTree(Files.readString(out.resolve(ExportManifest.FILE)));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(noisy)));
        assertEquals(noisy.toAbsolutePath().toString(), m.get("input").get("path").asText());
        assertEquals(expected, m.get("input").get("sha256").asText());
        assertEquals(dir.resolve("exp.clean.wav").toAbsolutePath().toString(), m.get("cleanReference").get("path").asText());
        assertEquals(3, m.get("results").size());
        Output speech = vm.results().items().get(1);
        assertEquals(speech.siSdr(), m.get("results").get(1).get("siSdrDb").asDouble(), 1e-9);
        assertTrue(m.get("stageSeconds").has("cluster"));
        assertFalse(m.get("appVersion").asText().isEmpty());
        List<String> listed = new ArrayList<>();
        m.get("files").forEach(f -> listed.add(f.get("file").asText()));
        assertTrue(listed.containsAll(List.of("original.wav", "speech.wav", Exporter.LABELS, Exporter.PARAMETERS)),
                listed.toString());
        assertEquals(written.get().size(), listed.size() + 1, "every file but the manifest itself is listed");
        assertEquals(out, vm.preferences().lastFolder());
    }

    @Test
    void undoAndRedoStepThroughParameterChangesAndRerun() throws Exception {
        vm.open(TestRecordings.writePair(dir, "undo", 0.8));
        int runs = vm.document().runs().size();
        vm.params().textProperty("gamma").set("0.5");
        vm.params().textProperty("gamma").set("0.25");
        assertEquals(runs + 2, vm.document().runs().size());
        assertTrue(vm.params().undo());
        assertEquals("0.5", vm.params().textProperty("gamma").get());
        assertEquals(0.5, vm.lastResultProperty().get().parameters().real("gamma"), "undo reruns");
        assertTrue(vm.params().redo());
        assertEquals(0.25, vm.params().parametersProperty().get().real("gamma"));
        assertFalse(vm.params().redo());
        vm.params().resetToDefaults();
        assertEquals(org.ncw.ui.analysis.ParamCatalog.defaults(), vm.params().parametersProperty().get());
        assertTrue(vm.params().undo());
        assertEquals(0.25, vm.params().parametersProperty().get().real("gamma"), "reset is undoable");
    }

    @Test
    void theViewsShowTheInputTheHeardResultOrAnyResult() throws Exception {
        vm.open(TestRecordings.writePair(dir, "show", 0.8));
        assertTrue(vm.shownSignalProperty().get() == vm.inputProperty().get());
        assertEquals(List.of(WorkbenchViewModel.SHOW_INPUT, WorkbenchViewModel.SHOW_HEARD, "Speech", "Residue"),
                vm.shownChoices());
        Output residue = vm.results().items().get(2);
        vm.shownProperty().set("Residue");
        assertTrue(vm.shownSignalProperty().get() == residue.signal());
        assertEquals(residue.signal().length(), vm.shownSignalProperty().get().length());
        // the display spectrogram is the residue's: quieter than the input's where speech was removed
        double shownMax = vm.spectrogram().spectrumProperty().get().db().max();
        vm.shownProperty().set(WorkbenchViewModel.SHOW_HEARD);
        vm.results().selectNumber(2);
        assertTrue(vm.shownSignalProperty().get() == vm.results().items().get(1).signal());
        vm.shownProperty().set(WorkbenchViewModel.SHOW_INPUT);
        assertTrue(shownMax < vm.spectrogram().spectrumProperty().get().db().max(), "residue is quieter");
    }

    @Test
    void theReadoutNamesTimeFrequencyLevelAndLabel() throws Exception {
        vm.open(TestRecordings.writePair(dir, "readout", 0.8));
        var shown = vm.spectrogram().spectrumProperty().get();
        LabelledGrid l = vm.document().labelsProperty().get();
        double t = shown.frameSeconds(10);
        double hz = shown.binHz(20);
        String text = org.ncw.ui.spectrogram.SpectrogramReadout.text(shown, l.labels(), l.grid(), t, hz);
        int label = l.labels().get(l.grid().binAt(hz), l.grid().frameAt(t));
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f s · %.0f Hz · %.1f dB · %s", t, hz,
                shown.db().get(20, 10), label == org.ncw.engine.dataset.LabelGrid.SPEECH ? "speech" : "noise"), text);
        assertTrue(org.ncw.ui.spectrogram.SpectrogramReadout.text(shown, null, null, 99, hz).contains("– dB"),
                "outside the recording there is no level");
    }
}
