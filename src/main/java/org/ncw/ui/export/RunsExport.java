package org.ncw.ui.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.history.HistoryEntry;
import org.ncw.ui.history.HistoryJson;

/**
 * Exports runs of the history: one folder {@code run-N} per run with what the workbench's export writes for a run
 * (every result as WAV, {@code experiment.json}, {@code manifest.json}, through {@link Exporter} and
 * {@link ExportManifest}), and {@value #FILE} beside them listing the runs (the history entries, each with its whole
 * experiment, scores, timings and diagnostics) and their folders.
 */
public final class RunsExport {
    public static final String FILE = "runs-manifest.json";

    /** One run to export with its results. */
    public record Item(HistoryEntry entry, AnalysisResult result) {
    }

    private RunsExport() {
    }

    public static List<Path> write(Path folder, List<Item> runs, boolean float32, String appVersion, Path input,
                                   Path reference, String inputName, TaskMonitor monitor) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        List<Object> listed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Item it = runs.get(i);
            Path dir = folder.resolve("run-" + it.entry().id());
            ExportRequest req = new ExportRequest(dir, it.result().outputs(), float32, null, null,
                    it.result().parameters(), inputName, Map.of());
            List<Path> files = new ArrayList<>(Exporter.export(req, monitor.sub((double) i / runs.size(),
                    (i + 0.9) / runs.size())));
            Path manifest = dir.resolve(ExportManifest.FILE);
            org.ncw.engine.io.AtomicFileWriter.writeString(manifest, org.ncw.engine.io.WriteMode.OVERWRITE,
                    org.ncw.engine.io.OutputGuard.none(), Json.write(ExportManifest.describe(appVersion, input, reference, it.result(),
                    it.result().outputs(), files)));
            files.add(manifest);
            written.addAll(files);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("folder", dir.getFileName().toString());
            e.put("files", files.stream().map(f -> f.getFileName().toString()).toList());
            e.put("entry", HistoryJson.toNode(it.entry()));
            listed.add(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app", "Noise Clustering Workbench");
        m.put("appVersion", appVersion);
        m.put("exportedAt", Instant.now().toString());
        m.put("input", input == null ? inputName : input.toAbsolutePath().normalize().toString());
        m.put("runs", listed);
        Path top = folder.resolve(FILE);
        org.ncw.engine.io.AtomicFileWriter.writeString(top, org.ncw.engine.io.WriteMode.OVERWRITE,
                    org.ncw.engine.io.OutputGuard.none(), Json.write(m));
        written.add(top);
        monitor.done();
        return written;
    }
}
