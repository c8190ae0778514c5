package org.ncw.ui.export;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.analysis.EngineBridge;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.Spectrum;

/** Writes an {@link ExportRequest} into its folder; runs on a background job. Returns the files written. */
public final class Exporter {
    public static final String LABELS = "labels.csv";
    public static final String TABLE = "table3d.tsv";
    public static final String PARAMETERS = "parameters.json";
    /** The clustering part as the engine's ExperimentOptions JSON (what the CLI's --options reads). */
    public static final String EXPERIMENT = "experiment-options.json";

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
            written.add(writeLabels(r.folder().resolve(LABELS), r.spectrum(), r.labels()));
            monitor.step(done++, steps);
            written.add(writeTable(r.folder().resolve(TABLE), r.spectrum(), r.labels()));
        }
        monitor.step(done++, steps);
        Path json = r.folder().resolve(PARAMETERS);
        Files.writeString(json, r.parameters().toJson(), StandardCharsets.UTF_8);
        written.add(json);
        Path experiment = r.folder().resolve(EXPERIMENT);
        Files.writeString(experiment, Json.write(EngineBridge.experimentOptions(r.parameters())), StandardCharsets.UTF_8);
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

    /** One row per frequency bin (low to high), one column per frame; the header holds frame times in s. */
    static Path writeLabels(Path p, Spectrum s, LabelGrid labels) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("frequency_hz");
            for (int f = 0; f < labels.frames(); f++) {
                w.write(String.format(Locale.ROOT, ",%.4f", s.frameSeconds(f)));
            }
            w.newLine();
            StringBuilder sb = new StringBuilder();
            for (int b = 0; b < labels.bins(); b++) {
                sb.setLength(0);
                sb.append(String.format(Locale.ROOT, "%.2f", s.binHz(b)));
                for (int f = 0; f < labels.frames(); f++) {
                    sb.append(',').append(labels.get(b, f));
                }
                w.write(sb.toString());
                w.newLine();
            }
        }
        return p;
    }

    /** The 3D table: one row per bin, time / frequency / intensity (dB) / label. */
    static Path writeTable(Path p, Spectrum s, LabelGrid labels) throws IOException {
        return writeTable(p, s, labels, TaskMonitor.none());
    }

    /** As {@link #writeTable(Path, Spectrum, LabelGrid)}, reporting progress per frame (the table can be large). */
    static Path writeTable(Path p, Spectrum s, LabelGrid labels, TaskMonitor monitor) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("time_s\tfrequency_hz\tintensity_db\tlabel");
            w.newLine();
            StringBuilder sb = new StringBuilder();
            for (int f = 0; f < labels.frames(); f++) {
                monitor.step(f, labels.frames());
                for (int b = 0; b < labels.bins(); b++) {
                    sb.setLength(0);
                    sb.append(String.format(Locale.ROOT, "%.4f\t%.2f\t%.2f\t%d", s.frameSeconds(f), s.binHz(b),
                            s.db().get(b, f), labels.get(b, f)));
                    w.write(sb.toString());
                    w.newLine();
                }
            }
        }
        return p;
    }
}
