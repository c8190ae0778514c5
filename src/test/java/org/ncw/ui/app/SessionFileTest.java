package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.session.SessionController;
import org.ncw.ui.session.SessionFile;
import org.ncw.ui.spectrogram.ColorMap;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

/** Saving and opening a session without a window: every job on the calling thread. */
class SessionFileTest {
    @TempDir
    Path dir;
    private final List<WorkbenchViewModel> vms = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<SessionController.Problem> problems = new ArrayList<>();
    private WorkbenchViewModel vm;

    @BeforeEach
    void create() {
        vm = fresh();
    }

    private WorkbenchViewModel fresh() {
        WorkbenchViewModel v = WorkbenchViewModel.forTests(new SilentTransport());
        v.document().setErrorSink(errors::add);
        v.document().setWarningSink(warnings::add);
        v.sessions().setProblemSink(problems::add);
        vms.add(v);
        return v;
    }

    @AfterEach
    void close() {
        for (WorkbenchViewModel v : vms) {
            v.preferences().clear();
            v.close();
        }
    }

    /** Opens a pair, changes settings and the view, saves; returns the session file. */
    private Path workAndSave(String stem) throws Exception {
        Path noisy = TestRecordings.writePair(dir, stem, 1.2);
        vm.params().load(TestRecordings.fastParameters());
        vm.open(noisy);
        vm.params().textProperty("clusters").set("3");
        vm.params().textProperty("maskMode").set("reduce");
        vm.params().textProperty("algorithm").set("kmeans");
        vm.results().selectNumber(2); // Speech
        vm.results().selectNumber(1); // Original: A/B pair Original <-> Speech
        vm.results().toggleAB();      // hear Speech, compared with Original
        vm.shownProperty().set("Residue");
        vm.viewport().setWindow(0.2, 0.7);
        vm.viewport().select(0.3, 0.5);
        vm.seek(0.4);
        vm.spectrogram().gainDbProperty().set(5);   // top -5 dB
        vm.spectrogram().rangeDbProperty().set(55); // floor -60 dB
        vm.spectrogram().logFrequencyProperty().set(true);
        vm.spectrogram().freqLowHzProperty().set(100);
        vm.spectrogram().freqHighHzProperty().set(2500);
        vm.spectrogram().windowSizeProperty().set(512);
        vm.spectrogram().colorMapProperty().set(ColorMap.Named.VIRIDIS);
        vm.scatter().coloringProperty().set(ScatterViewModel.Coloring.INTENSITY);
        vm.levelMatchedProperty().set(false);
        Path file = dir.resolve(stem + SessionFile.SUFFIX);
        AtomicReference<Path> saved = new AtomicReference<>();
        vm.saveSession(dir.resolve(stem), saved::set); // the suffix is added
        assertEquals(List.of(), errors);
        assertEquals(file, saved.get());
        return file;
    }

    @Test
    void aSavedSessionReopensInAFreshWorkbenchWithEverythingAsSaved() throws Exception {
        Path file = workAndSave("mix");
        Path noisy = dir.resolve("mix.noisy.wav");
        JsonNode root = Json.mapper().readTree(Files.readString(file));
        assertEquals("ncw-session", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        JsonNode rec = root.get("recording");
        assertEquals(noisy.toAbsolutePath().toString(), rec.get("path").asText());
        assertEquals("mix.noisy.wav", rec.get("relativePath").asText());
        assertEquals(independentSha256(noisy), rec.get("sha256").asText());
        assertEquals(TestRecordings.RATE, rec.get("sampleRate").asInt());
        assertEquals(1, rec.get("channels").asInt());
        assertEquals(1.2, rec.get("seconds").asDouble(), 1e-3);
        assertEquals(independentSha256(dir.resolve("mix.clean.wav")), root.get("cleanReference").get("sha256").asText());
        // the experiment is the experiment file itself, embedded
        WorkbenchOptions experiment = WorkbenchOptions.fromJson(root.get("experiment").toString());
        assertEquals("ncw-experiment", root.get("experiment").get("format").asText());
        assertEquals(3, experiment.clusterer().nClusters());
        assertEquals(vm.params().parametersProperty().get().toOptions(), experiment);
        JsonNode view = root.get("view");
        assertEquals("Speech", view.get("heard").asText());
        assertEquals("Original", view.get("compared").asText());
        assertEquals("Residue", view.get("shown").asText());
        assertEquals(0.2, view.get("timeStart").asDouble(), 1e-9);
        assertEquals(0.7, view.get("timeEnd").asDouble(), 1e-9);
        assertEquals(-60, view.get("dbFloor").asDouble(), 1e-9);
        assertEquals(-5, view.get("dbTop").asDouble(), 1e-9);
        assertEquals("viridis", view.get("colorMap").asText());
        assertEquals(100, view.get("freqLow").asDouble(), 1e-9);
        assertEquals(2500, view.get("freqHigh").asDouble(), 1e-9);
        assertEquals(vm.document().runs().size(), root.get("history").size(), "one history entry per run");

        SessionFile.ViewState savedView = vm.sessions().captureView();
        ParameterSet savedParams = vm.params().parametersProperty().get();
        WorkbenchViewModel again = fresh();
        again.open(file); // a session file opens as a session
        assertEquals(List.of(), errors);
        assertEquals(List.of(), problems);
        assertEquals(noisy.toAbsolutePath(), again.document().inputPathProperty().get().toAbsolutePath());
        assertEquals(dir.resolve("mix.clean.wav").toAbsolutePath(),
                again.document().referencePathProperty().get().toAbsolutePath());
        assertEquals(savedParams, again.params().parametersProperty().get());
        assertEquals(savedParams, again.lastResultProperty().get().parameters(), "the results are of these settings");
        assertEquals(savedView, again.sessions().captureView(), "heard, A/B, shown, zoom, dB range, display");
        assertEquals(file, again.sessions().sessionFileProperty().get());
        assertEquals(List.of("Original", "Speech"), again.results().abPair().stream().map(o -> o.name()).toList());
        assertTrue(again.preferences().recentFiles().list().contains(file), "in Open Recent");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "written atomically");
        }
    }

    @Test
    void aMissingRecordingSaysSoInOneLineAndCanBeLocated() throws Exception {
        Path file = workAndSave("gone");
        Path moved = Files.createDirectories(dir.resolve("elsewhere")).resolve("renamed.wav");
        Files.move(dir.resolve("gone.noisy.wav"), moved);
        WorkbenchViewModel again = fresh();
        again.open(file);
        assertEquals(1, problems.size());
        SessionController.Problem p = problems.get(0);
        assertEquals(SessionController.Problem.Kind.MISSING, p.kind());
        assertEquals("gone.ncw-session.json: the recording " + dir.resolve("gone.noisy.wav").toAbsolutePath()
                + " is missing (moved or deleted?) — locate it", p.message());
        assertFalse(p.message().contains("\n"));
        assertEquals(p.message(), again.statusProperty().get());
        assertNull(again.inputProperty().get(), "nothing opened yet");

        again.sessions().locate(p, moved);
        assertEquals(moved, again.document().inputPathProperty().get());
        assertEquals(3, again.params().parametersProperty().get().integer("clusters"));
        assertEquals("Speech", again.results().selectedProperty().get().name());
        assertEquals(List.of(), errors);
    }

    @Test
    void aChangedRecordingIsNamedAndOpensOnlyWhenAskedTo() throws Exception {
        Path file = workAndSave("edit");
        Path noisy = dir.resolve("edit.noisy.wav");
        Files.copy(TestRecordings.writePair(Files.createDirectories(dir.resolve("other")), "edit", 0.9), noisy,
                StandardCopyOption.REPLACE_EXISTING);
        WorkbenchViewModel again = fresh();
        again.open(file);
        assertEquals(1, problems.size());
        SessionController.Problem p = problems.get(0);
        assertEquals(SessionController.Problem.Kind.CHANGED, p.kind());
        assertTrue(p.message().startsWith("edit.ncw-session.json: the recording edit.noisy.wav has changed since the"
                + " session was saved (SHA-256 differs)"), p.message());
        assertNull(again.inputProperty().get());
        again.sessions().openAnyway(p);
        assertNotNull(again.inputProperty().get());
        assertEquals(0.9, again.inputProperty().get().durationSeconds(), 1e-3);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("differs from the recording the session was saved with")),
                warnings.toString());
        // locating a file that is not the saved one is refused the same way
        problems.clear();
        again.sessions().locate(p, noisy);
        assertEquals(SessionController.Problem.Kind.CHANGED, problems.get(0).kind());
    }

    @Test
    void aMovedFolderIsFoundThroughTheRelativePaths() throws Exception {
        Path file = workAndSave("trip");
        Path moved = dir.resolve("moved");
        Files.createDirectories(moved);
        for (String name : List.of("trip.noisy.wav", "trip.clean.wav", file.getFileName().toString())) {
            Files.move(dir.resolve(name), moved.resolve(name));
        }
        WorkbenchViewModel again = fresh();
        again.open(moved.resolve(file.getFileName()));
        assertEquals(List.of(), problems);
        assertEquals(moved.resolve("trip.noisy.wav"), again.document().inputPathProperty().get());
        assertEquals(moved.resolve("trip.clean.wav"), again.document().referencePathProperty().get());
    }

    @Test
    void aCorruptOrUnknownSessionIsOneLineNamingTheFileAndTheOpenRecordingStays() throws Exception {
        Path file = workAndSave("bad");
        String good = Files.readString(file);
        Path corrupt = dir.resolve("corrupt" + SessionFile.SUFFIX);
        Files.writeString(corrupt, good.substring(0, good.length() / 2));
        Path unknown = dir.resolve("unknown" + SessionFile.SUFFIX);
        ObjectNode root = (ObjectNode) Json.mapper().readTree(good);
        ((ObjectNode) root.get("view")).put("zoom", 2);
        Files.writeString(unknown, Json.write(root));
        Path experiment = dir.resolve("experiment" + SessionFile.SUFFIX);
        Files.writeString(experiment, vm.params().parametersProperty().get().toJson());
        Path badParam = dir.resolve("param" + SessionFile.SUFFIX);
        root = (ObjectNode) Json.mapper().readTree(good);
        ((ObjectNode) root.get("experiment").get("clusterer").get("spectral")).put("nClusters", 1);
        Files.writeString(badParam, Json.write(root));

        vm.open(corrupt);
        vm.open(unknown);
        vm.open(experiment);
        vm.open(badParam);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Cannot open the session corrupt.ncw-session.json\n"
                + "corrupt.ncw-session.json: not a session JSON file: "), errors.get(0));
        assertEquals("Cannot open the session unknown.ncw-session.json\n"
                + "unknown.ncw-session.json: unknown field 'view.zoom'", errors.get(1));
        assertEquals("Cannot open the session experiment.ncw-session.json\nexperiment.ncw-session.json: format"
                + " must be 'ncw-session', got 'ncw-experiment' (this is an experiment file: File > Load parameters)",
                errors.get(2));
        assertTrue(errors.get(3).contains("param.ncw-session.json: experiment: ") && errors.get(3).contains("nClusters"),
                errors.get(3));
        for (String e : errors) {
            assertEquals(2, e.split("\n").length, "what + one line why: " + e);
        }
        assertEquals(dir.resolve("bad.noisy.wav"), vm.document().inputPathProperty().get(), "the open recording stays");
    }

    @Test
    void aSignalMadeInMemoryCannotBeSavedAndSaysWhy() {
        vm.setInput(TestRecordings.speechInNoise(0.5, 1)[1], "memory");
        vm.saveSession(dir.resolve("m"), f -> { });
        assertEquals(List.of("Cannot save the session m.ncw-session.json\n"
                + "no recording opened from a file (open one with File > Open)"), errors);
        assertFalse(Files.exists(dir.resolve("m" + SessionFile.SUFFIX)));
    }

    private static String independentSha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
