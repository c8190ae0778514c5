package org.ncw.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGridCsv;
import org.ncw.engine.dataset.Table3D;
import org.ncw.engine.dataset.Table3DFiles;
import org.ncw.engine.dataset.TableFormat;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Output;

/**
 * Writes an {@link ExportRequest} into its folder with the engine's writers (the same files {@code ncw cluster}
 * and {@code ncw table} write, each atomically); runs on a background job. Returns the files written.
 */
public final class Exporter {
    /** The label grid, in {@code ncw cluster}'s long format ({@link LabelGridCsv}). */
    public static final String LABELS = "labels.csv";
    /** The 3D table with a speech column ({@link Table3DFiles}). */
    public static final String TABLE = "table3d.tsv";
    /** The experiment file, what {@code --options} of every command and the workbench's "Open parameters" read. */
    public static final String PARAMETERS = "experiment.json";
    /** The same file as {@link #PARAMETERS} (there is one experiment format). */
    public static final String EXPERIMENT = PARAMETERS;

    private Exporter() {
    }

    /**
     * Writes the request's files into its folder, all or none: every file goes to a temporary file first and they
     * are moved into place together ({@link OutputSet}); a failure or a cancel leaves no new file. Existing files of
     * the same names are replaced as a whole.
     */
    public static List<Path> export(ExportRequest r, TaskMonitor monitor) throws IOException {
        try (ExportFolders folders = ExportFolders.create(List.of(r.folder()));
             OutputSet outputs = OutputSet.reserve(WriteMode.OVERWRITE, OutputGuard.none(), targets(r))) {
            List<Path> written = write(r, outputs, monitor);
            outputs.commit();
            folders.keep();
            return written;
        }
    }

    /** Protects the loaded recording and its clean reference (either may be absent) from an export's writes. */
    static OutputGuard guard(Path input, Path reference) {
        return OutputGuard.protecting(java.util.stream.Stream.of(input, reference)
                .filter(java.util.Objects::nonNull).toList());
    }

    /** The files {@link #write} writes for {@code r}, in order. */
    public static List<Path> targets(ExportRequest r) {
        List<Path> t = new ArrayList<>();
        for (Output o : r.outputs()) {
            t.add(r.folder().resolve(o.fileStem() + ".wav"));
        }
        if (r.labels() != null && r.spectrum() != null) {
            t.add(r.folder().resolve(LABELS));
            t.add(r.folder().resolve(TABLE));
        }
        t.add(r.folder().resolve(PARAMETERS));
        for (String view : r.views().keySet()) {
            t.add(r.folder().resolve(view + ".png"));
        }
        return t;
    }

    /** Writes {@code r}'s files into {@code outputs}, which holds {@link #targets}; the caller commits. */
    public static List<Path> write(ExportRequest r, OutputSet outputs, TaskMonitor monitor) throws IOException {
        List<Path> written = new ArrayList<>();
        int steps = r.outputs().size() + 3 + r.views().size();
        int done = 0;
        for (Output o : r.outputs()) {
            monitor.step(done++, steps);
            Path p = r.folder().resolve(o.fileStem() + ".wav");
            EngineBridge.writeWav(o.signal(), p, r.float32(), outputs);
            written.add(p);
        }
        monitor.step(done++, steps);
        if (r.labels() != null && r.spectrum() != null) {
            written.add(writeLabels(r.folder().resolve(LABELS), r.spectrum(), r.labels(), outputs));
            monitor.step(done++, steps);
            written.add(writeTable(r.folder().resolve(TABLE), r.spectrum(), r.labels(), outputs, TaskMonitor.none()));
        }
        monitor.step(done++, steps);
        Path experiment = r.folder().resolve(PARAMETERS);
        outputs.writeText(experiment, r.parameters().toOptions().toJson() + System.lineSeparator());
        written.add(experiment);
        for (Map.Entry<String, BufferedImage> e : r.views().entrySet()) {
            monitor.checkCancelled();
            monitor.step(done++, steps);
            Path p = r.folder().resolve(e.getKey() + ".png");
            BufferedImage image = e.getValue();
            outputs.write(p, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG encoder takes the " + e.getKey() + " view's image type");
                }
            });
            written.add(p);
        }
        monitor.done();
        return written;
    }

    /** The label grid in the engine's one format ({@link LabelGridCsv}), into a reserved target. */
    static Path writeLabels(Path p, org.ncw.ui.analysis.Spectrum s, org.ncw.engine.dataset.LabelGrid labels,
                            OutputSet outputs) throws IOException {
        outputs.write(p, LabelGridCsv.content(EngineBridge.dbMatrix(s), labels));
        return p;
    }

    /** The 3D table with its speech column ({@link Table3DFiles}), reporting progress (it can be large). */
    static Path writeTable(Path p, org.ncw.ui.analysis.Spectrum s, org.ncw.engine.dataset.LabelGrid labels,
                           OutputSet outputs, TaskMonitor monitor) throws IOException {
        outputs.write(p, Table3DFiles.content(Table3D.of(EngineBridge.dbMatrix(s)), labels, TableFormat.TSV, monitor));
        monitor.done();
        return p;
    }
}
