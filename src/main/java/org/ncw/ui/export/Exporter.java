package org.ncw.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
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
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.io.OutputGuard;
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

    public static List<Path> export(ExportRequest r, TaskMonitor monitor) throws IOException {
        Files.createDirectories(r.folder());
        List<Path> written = new ArrayList<>();
        int steps = r.outputs().size() + 3 + r.views().size();
        int done = 0;
        for (Output o : r.outputs()) {
            monitor.step(done++, steps);
            Path p = r.folder().resolve(o.fileStem() + ".wav");
            EngineBridge.writeWav(o.signal(), p, r.float32());
            written.add(p);
        }
        monitor.step(done++, steps);
        if (r.labels() != null && r.spectrum() != null) {
            SpectrogramMatrix db = EngineBridge.dbMatrix(r.spectrum());
            Path labels = r.folder().resolve(LABELS);
            LabelGridCsv.write(db, r.labels(), labels, WriteMode.OVERWRITE, OutputGuard.none());
            written.add(labels);
            monitor.step(done++, steps);
            Path table = r.folder().resolve(TABLE);
            Table3DFiles.write(Table3D.of(db), r.labels(), table, TableFormat.TSV, WriteMode.OVERWRITE,
                    OutputGuard.none(), TaskMonitor.none());
            written.add(table);
        }
        monitor.step(done++, steps);
        Path experiment = r.folder().resolve(PARAMETERS);
        r.parameters().toOptions().write(experiment, WriteMode.OVERWRITE, OutputGuard.none());
        written.add(experiment);
        for (Map.Entry<String, BufferedImage> e : r.views().entrySet()) {
            monitor.step(done++, steps);
            Path p = r.folder().resolve(e.getKey() + ".png");
            ImageIO.write(e.getValue(), "png", p.toFile());
            written.add(p);
        }
        monitor.done();
        return written;
    }

    /** The label grid in the engine's one format ({@link LabelGridCsv}). */
    static Path writeLabels(Path p, org.ncw.ui.analysis.Spectrum s, org.ncw.engine.dataset.LabelGrid labels)
            throws IOException {
        LabelGridCsv.write(EngineBridge.dbMatrix(s), labels, p, WriteMode.OVERWRITE, OutputGuard.none());
        return p;
    }

    /** The 3D table with its speech column ({@link Table3DFiles}), reporting progress (it can be large). */
    static Path writeTable(Path p, org.ncw.ui.analysis.Spectrum s, org.ncw.engine.dataset.LabelGrid labels,
                           TaskMonitor monitor) throws IOException {
        Table3DFiles.write(Table3D.of(EngineBridge.dbMatrix(s)), labels, p, TableFormat.TSV, WriteMode.OVERWRITE,
                OutputGuard.none(), monitor);
        return p;
    }
}
