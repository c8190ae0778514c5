package org.ncw.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParameterSet;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.fx.FxJobs;

/**
 * Exports the ticked results of the document with the tables the user chose (label grid, 3D table), the view
 * snapshots, the parameters and a {@link ExportManifest manifest}, in the background with progress.
 */
public final class ExportController {
    private final WorkbenchDocument doc;
    private final FxJobs jobs;
    private final String appVersion;
    private final BooleanProperty float32 = new SimpleBooleanProperty(false);
    private final BooleanProperty includeLabels = new SimpleBooleanProperty(true);
    private final BooleanProperty includeTable = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private long startNanos = System.nanoTime();

    public ExportController(WorkbenchDocument doc, FxJobs jobs, String appVersion) {
        this.doc = doc;
        this.jobs = jobs;
        this.appVersion = appVersion;
    }

    /** Writes into {@code folder}; {@code done} gets every file written (FX thread). */
    public void export(Path folder, ParameterSet parameters, Map<String, BufferedImage> views,
                       Consumer<List<Path>> done) {
        AnalysisResult r = doc.lastResultProperty().get();
        List<Output> chosen = doc.results().items().stream()
                .filter(o -> doc.results().exportNames().contains(o.name())).toList();
        // the tables are written here (with progress), so the exporter gets none
        ExportRequest req = new ExportRequest(folder, chosen, float32.get(), null, null, parameters,
                doc.inputNameProperty().get(), views);
        boolean labels = includeLabels.get() && r != null;
        boolean table = includeTable.get() && r != null;
        Path input = doc.inputPathProperty().get();
        Path reference = doc.referencePathProperty().get();
        doc.statusProperty().set("Exporting to " + folder + " …");
        exporting.set(true);
        startNanos = System.nanoTime();
        jobs.submit("export", m -> {
            try {
                return write(req, r, labels, table, input, reference, chosen, appVersion, m);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, files -> {
            exporting.set(false);
            doc.statusProperty().set("Exported " + files.size() + " files to " + folder);
            done.accept(files);
        }, error -> {
            exporting.set(false);
            doc.fail("Export failed", error);
        }, () -> {
            exporting.set(false);
            doc.statusProperty().set("Export cancelled");
        });
    }

    /**
     * Writes every file of the export (audio, views, experiment, tables, manifest) through one {@link OutputSet}:
     * they appear together or not at all, and none may be the input recording or its clean reference.
     */
    static List<Path> write(ExportRequest req, AnalysisResult r, boolean labels, boolean table, Path input,
                            Path reference, List<Output> chosen, String appVersion, TaskMonitor m)
            throws IOException {
        Path folder = req.folder();
        List<Path> targets = new ArrayList<>(Exporter.targets(req));
        if (labels) {
            targets.add(folder.resolve(Exporter.LABELS));
        }
        if (table) {
            targets.add(folder.resolve(Exporter.TABLE));
        }
        Path manifest = folder.resolve(ExportManifest.FILE);
        targets.add(manifest);
        try (ExportFolders folders = ExportFolders.create(List.of(folder));
             OutputSet outputs = OutputSet.reserve(WriteMode.OVERWRITE, Exporter.guard(input, reference),
                     targets)) {
            List<Path> files = new ArrayList<>(Exporter.write(req, outputs, m.stage("export audio and views")
                    .sub(0, 0.3)));
            if (labels) {
                m.stage("export label grid").step(30, 100);
                files.add(Exporter.writeLabels(folder.resolve(Exporter.LABELS), r.spectrum(), r.labels(), outputs));
            }
            if (table) {
                files.add(Exporter.writeTable(folder.resolve(Exporter.TABLE), r.spectrum(), r.labels(), outputs,
                        m.stage("export 3D table").sub(0.4, 0.95)));
            }
            m.checkCancelled();
            m.stage("hash input").step(95, 100);
            outputs.writeText(manifest, Json.write(ExportManifest.describe(appVersion, input, reference, r, chosen,
                    files, outputs::bytesWritten)));
            files.add(manifest);
            outputs.commit();
            folders.keep();
            m.done();
            return files;
        }
    }

    /** The running application's version (the jar manifest's), or "development build". */
    public static String appVersion() {
        String v = ExportController.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public BooleanProperty float32Property() {
        return float32;
    }

    public BooleanProperty includeLabelsProperty() {
        return includeLabels;
    }

    public BooleanProperty includeTableProperty() {
        return includeTable;
    }

    /** Seconds since the last export started (what the status bar shows as elapsed while exporting). */
    public double secondsSinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

}
