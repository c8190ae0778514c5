package org.ncw.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;
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

    /**
     * Writes every run's folder and the runs manifest through one {@link OutputSet}: all of them appear together or
     * none does (folders this created are removed again on a failure or a cancel).
     */
    public static List<Path> write(Path folder, List<Item> runs, boolean float32, String appVersion, Path input,
                                   Path reference, String inputName, TaskMonitor monitor) throws IOException {
        List<ExportRequest> requests = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(List.of(folder));
        List<Path> targets = new ArrayList<>();
        for (Item it : runs) {
            Path dir = folder.resolve("run-" + it.entry().id());
            ExportRequest req = new ExportRequest(dir, it.result().outputs(), float32, null, null,
                    it.result().parameters(), inputName, Map.of());
            requests.add(req);
            dirs.add(dir);
            targets.addAll(Exporter.targets(req));
            targets.add(dir.resolve(ExportManifest.FILE));
        }
        Path top = folder.resolve(FILE);
        targets.add(top);
        try (ExportFolders folders = ExportFolders.create(dirs);
             OutputSet outputs = OutputSet.reserve(WriteMode.OVERWRITE, Exporter.guard(input, reference),
                     targets)) {
            List<Path> written = new ArrayList<>();
            List<Object> listed = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Item it = runs.get(i);
                ExportRequest req = requests.get(i);
                List<Path> files = new ArrayList<>(Exporter.write(req, outputs,
                        monitor.sub((double) i / runs.size(), (i + 0.9) / runs.size())));
                Path manifest = req.folder().resolve(ExportManifest.FILE);
                outputs.writeText(manifest, Json.write(ExportManifest.describe(appVersion, input, reference,
                        it.result(), it.result().outputs(), files, outputs::bytesWritten)));
                files.add(manifest);
                written.addAll(files);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("folder", req.folder().getFileName().toString());
                e.put("files", files.stream().map(f -> f.getFileName().toString()).toList());
                e.put("entry", HistoryJson.toNode(it.entry()));
                listed.add(e);
            }
            monitor.checkCancelled();
            outputs.writeText(top, Json.write(summary(appVersion, input, inputName, listed)));
            written.add(top);
            outputs.commit();
            folders.keep();
            monitor.done();
            return written;
        }
    }

    private static Map<String, Object> summary(String appVersion, Path input, String inputName, List<Object> listed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app", "Noise Clustering Workbench");
        m.put("appVersion", appVersion);
        m.put("exportedAt", Instant.now().toString());
        m.put("input", input == null ? inputName : input.toAbsolutePath().normalize().toString());
        m.put("runs", listed);
        return m;
    }
}
