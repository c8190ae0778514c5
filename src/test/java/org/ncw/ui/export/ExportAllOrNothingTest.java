package org.ncw.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.FileProblemException;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;

/** An export's files appear together or not at all, and never over the recording it came from. */
class ExportAllOrNothingTest {
    @TempDir
    Path dir;

    private static Output output(String name, Output.Kind kind, double amplitude) {
        double[] x = new double[1600];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * 440 * i / 16000.0);
        }
        return new Output(name, kind, new Signal(x, 16000), "", 0, Double.NaN, Double.NaN);
    }

    private static ExportRequest request(Path folder, Map<String, BufferedImage> views) {
        return new ExportRequest(folder, List.of(output("Original", Output.Kind.ORIGINAL, 0.5),
                output("Speech", Output.Kind.SPEECH, 0.25)), false, null, null,
                ParameterSet.of(WorkbenchOptions.defaults()), "x.wav", views);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aCompleteExportListsEveryFileWithItsSizeOnDisk() throws Exception {
        Path folder = dir.resolve("out");
        BufferedImage view = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        List<Path> files = ExportController.write(request(folder, Map.of("waveform", view)), null, false, false,
                null, null, request(folder, Map.of()).outputs(), "test", TaskMonitor.none());
        assertEquals(filesUnder(folder), files.stream().map(p -> p.toAbsolutePath().normalize()).sorted().toList());
        JsonNode m = Json.mapper().readTree(Files.readString(folder.resolve(ExportManifest.FILE)));
        for (JsonNode f : m.get("files")) {
            assertEquals(Files.size(folder.resolve(f.get("file").asText())), f.get("bytes").asLong(),
                    f.get("file").asText());
        }
        assertEquals(4, m.get("files").size(), "two WAVs, the experiment and the view");
        assertEquals(1600, EngineBridge.read(folder.resolve("speech.wav")).length());
        assertEquals(20, javax.imageio.ImageIO.read(folder.resolve("waveform.png").toFile()).getWidth());
    }

    @Test
    void aCancelPartWayLeavesNeitherFilesNorTheFoldersItCreated() throws Exception {
        Path folder = dir.resolve("new").resolve("deeper");
        CancellationToken token = new CancellationToken();
        // cancel as soon as the first WAV has been written (the second step reports)
        TaskMonitor cancelAfterFirst = TaskMonitor.of((fraction, stage) -> {
            if (fraction > 0) {
                token.cancel();
            }
        }, token);
        assertThrows(CancelledException.class, () -> Exporter.export(request(folder, Map.of()), cancelAfterFirst));
        assertFalse(Files.exists(dir.resolve("new")), "the folders the export made are gone again");
        assertEquals(List.of(), filesUnder(dir), "no temporary or partial file is left");
    }

    @Test
    void aFailureKeepsTheFilesOfAnEarlierExportWhole() throws Exception {
        Path folder = dir.resolve("out");
        Exporter.export(request(folder, Map.of()), TaskMonitor.none());
        byte[] before = Files.readAllBytes(folder.resolve("speech.wav"));
        List<Path> filesBefore = filesUnder(folder);
        // a view image type that no PNG encoder takes fails the export after the WAVs were written
        BufferedImage unencodable = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB) {
            @Override
            public java.awt.image.ColorModel getColorModel() {
                throw new IllegalStateException("no colour model");
            }
        };
        ExportRequest louder = new ExportRequest(folder, List.of(output("Speech", Output.Kind.SPEECH, 0.9)), false,
                null, null, ParameterSet.of(WorkbenchOptions.defaults()), "x.wav", Map.of("scatter", unencodable));
        assertThrows(RuntimeException.class, () -> Exporter.export(louder, TaskMonitor.none()));
        assertArrayEquals(before, Files.readAllBytes(folder.resolve("speech.wav")), "the earlier speech.wav stands");
        assertEquals(filesBefore, filesUnder(folder), "no scatter.png and no temporary file");
    }

    @Test
    void anExportNeverReplacesTheRecordingItCameFrom() throws Exception {
        Path folder = dir.resolve("recordings");
        Files.createDirectories(folder);
        Path input = folder.resolve("original.wav");
        EngineBridge.writeWav(output("x", Output.Kind.ORIGINAL, 0.1).signal(), input, false);
        byte[] recording = Files.readAllBytes(input);
        ExportRequest req = request(folder, Map.of());
        FileProblemException e = assertThrows(FileProblemException.class, () -> ExportController.write(req, null,
                false, false, input, null, req.outputs(), "test", TaskMonitor.none()));
        assertTrue(e.getMessage().contains("original.wav"), e.getMessage());
        assertArrayEquals(recording, Files.readAllBytes(input));
        assertEquals(List.of(input.toAbsolutePath().normalize()),
                filesUnder(folder).stream().map(p -> p.toAbsolutePath().normalize()).toList(), "nothing else written");
    }
}
