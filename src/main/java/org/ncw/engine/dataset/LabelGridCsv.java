package org.ncw.engine.dataset;

import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The label grid file (what {@code ncw cluster} and the workbench's export write): CSV in long format, one row per
 * bin of the clustered grid, {@code frame,bin,time_s,freq_hz,db,speech} (speech 1, noise 0). Written atomically.
 */
public final class LabelGridCsv {
    public static final String HEADER = "frame,bin,time_s,freq_hz,db,speech";

    private LabelGridCsv() {
    }

    /** Writes {@code labels} of the grid {@code db}; never over a file {@code guard} protects. */
    public static void write(SpectrogramMatrix db, LabelGrid labels, Path file, WriteMode mode, OutputGuard guard)
            throws IOException {
        if (labels.bins() != db.bins() || labels.frames() != db.frames()) {
            throw new IllegalArgumentException("labels are " + labels.bins() + " x " + labels.frames()
                    + ", the grid " + db.bins() + " x " + db.frames());
        }
        AtomicFileWriter.write(file, mode, guard, content(db, labels));
    }

    /** The file's bytes, for a writer that manages the file itself (e.g. one of a run's outputs). */
    public static AtomicFileWriter.Content content(SpectrogramMatrix db, LabelGrid labels) {
        if (labels.bins() != db.bins() || labels.frames() != db.frames()) {
            throw new IllegalArgumentException("labels are " + labels.bins() + " x " + labels.frames()
                    + ", the grid " + db.bins() + " x " + db.frames());
        }
        return stream -> {
            Rows rows = new Rows(stream);
            rows.frames(db, labels, 0, labels.frames(), 0, 0);
            rows.flush();
        };
    }

    /**
     * The file written as it goes (a recording clustered window by window): the header, then frames of any number
     * of grids in order, each numbered and timed within the whole recording.
     */
    public static final class Rows {
        private final BufferedWriter w;
        private final StringBuilder line = new StringBuilder(64);

        public Rows(java.io.OutputStream stream) throws IOException {
            this.w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20);
            w.write(HEADER + "\n");
        }

        /** Frames {@code from..to-1} of the grid as frames {@code first..} of the file, times shifted by offset. */
        public void frames(SpectrogramMatrix db, LabelGrid labels, int from, int to, long first, double offsetSeconds)
                throws IOException {
            for (int t = from; t < to; t++) {
                for (int b = 0; b < labels.bins(); b++) {
                    line.setLength(0);
                    line.append(first + t - from).append(',').append(b).append(',')
                            .append(rounded(offsetSeconds + db.axes().timeSeconds(t), 1e6)).append(',')
                            .append(rounded(db.axes().frequencyHz(b), 1e3)).append(',')
                            .append(rounded(db.values().get(b, t), 1e3)).append(',')
                            .append(labels.get(b, t)).append('\n');
                    w.append(line);
                }
            }
        }

        public void flush() throws IOException {
            w.flush();
        }
    }

    /** x rounded to 1/scale, printed as the shortest decimal (String.format is slow for many cells). */
    private static double rounded(double x, double scale) {
        return Math.round(x * scale) / scale;
    }
}
