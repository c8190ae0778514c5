package org.ncw.engine.dataset;

import org.ncw.engine.dsp.TfMatrix;
import org.ncw.engine.dsp.TfAxes;
import org.ncw.engine.dsp.SpectrogramMatrix;
import org.ncw.engine.dsp.Intensity;

import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.core.TaskMonitor;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes {@link Table3D} as delimited text: a header row
 * {@code frame, bin, time_s, freq_hz, <magnitude|power|db>[, centroid_distance_hz]}, then one row per
 * time-frequency bin in frame-major order. Numbers are written in Java's shortest round-trip form, so reading a
 * written table gives back the same doubles. Reading accepts rows in any order but needs every (frame, bin) exactly
 * once.
 */
public final class Table3DFiles {
    public static final String CENTROID_COLUMN = "centroid_distance_hz";
    /** The optional label column: 1 for a speech bin, 0 for noise. */
    public static final String LABEL_COLUMN = "speech";
    private static final String[] FIXED_COLUMNS = {"frame", "bin", "time_s", "freq_hz"};

    private Table3DFiles() {
    }

    /** Writes (replacing an existing file) in the format the extension names ({@link TableFormat#forPath}). */
    public static void write(Table3D table, Path path, TaskMonitor monitor) throws IOException {
        write(table, path, TableFormat.forPath(path), WriteMode.OVERWRITE, OutputGuard.none(), monitor);
    }

    /**
     * Writes atomically (temporary file + move, {@link AtomicFileWriter}): never over a file {@code guard} protects,
     * and over an existing file only with {@link WriteMode#OVERWRITE}.
     */
    public static void write(Table3D table, Path path, TableFormat format, WriteMode mode, OutputGuard guard,
                             TaskMonitor monitor) throws IOException {
        write(table, null, path, format, mode, guard, monitor);
    }

    /** As above, with a last column {@value #LABEL_COLUMN} (1 = speech) when {@code labels} is not null. */
    public static void write(Table3D table, LabelGrid labels, Path path, TableFormat format, WriteMode mode,
                             OutputGuard guard, TaskMonitor monitor) throws IOException {
        AtomicFileWriter.write(path, mode, guard, content(table, labels, format, monitor));
        monitor.done();
    }

    /**
     * The table's text (with the {@value #LABEL_COLUMN} column when {@code labels} is not null), for a writer that
     * places it, such as an {@link org.ncw.engine.io.OutputSet} of several files that appear together.
     */
    public static AtomicFileWriter.Content content(Table3D table, LabelGrid labels, TableFormat format,
                                                   TaskMonitor monitor) {
        if (labels != null && (labels.bins() != table.matrix().bins() || labels.frames() != table.matrix().frames())) {
            throw new IllegalArgumentException("labels are " + labels.bins() + " x " + labels.frames()
                    + ", the table " + table.matrix().bins() + " x " + table.matrix().frames());
        }
        char d = format.delimiter();
        return stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20);
            StringBuilder line = new StringBuilder(128);
            line.append(String.join(String.valueOf(d), FIXED_COLUMNS)).append(d)
                    .append(table.matrix().intensity().columnName());
            if (table.hasCentroidDistance()) {
                line.append(d).append(CENTROID_COLUMN);
            }
            if (labels != null) {
                line.append(d).append(LABEL_COLUMN);
            }
            w.append(line).append('\n');
            int bins = table.matrix().bins();
            int frames = table.matrix().frames();
            TfAxes axes = table.matrix().axes();
            double[] v = table.matrix().values().values();
            for (int f = 0; f < frames; f++) {
                monitor.step(f, frames);
                String time = Double.toString(axes.timeSeconds(f));
                for (int k = 0; k < bins; k++) {
                    int row = f * bins + k;
                    line.setLength(0);
                    line.append(f).append(d).append(k).append(d).append(time).append(d)
                            .append(axes.frequencyHz(k)).append(d).append(v[row]);
                    if (table.hasCentroidDistance()) {
                        line.append(d).append(table.centroidDistanceHz()[row]);
                    }
                    if (labels != null) {
                        line.append(d).append(labels.get(k, f));
                    }
                    w.append(line).append('\n');
                }
            }
            w.flush();
        };
    }

    public static Table3D read(Path path) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(r, path.getFileName().toString());
        }
    }

    static Table3D read(BufferedReader r, String name) throws IOException {
        String header = r.readLine();
        if (header == null) {
            throw new IOException(name + ": empty file, expected a header row");
        }
        header = stripBom(header).strip();
        char d = header.indexOf('\t') >= 0 ? '\t' : ',';
        String[] cols = split(header, d);
        if (cols.length < 5 || cols.length > 6 || !Arrays.equals(Arrays.copyOf(cols, 4), FIXED_COLUMNS)
                || (cols.length == 6 && !cols[5].equals(CENTROID_COLUMN))) {
            throw new IOException(name + ": header must be frame,bin,time_s,freq_hz,<magnitude|power|db>[,"
                    + CENTROID_COLUMN + "], got '" + header + "'");
        }
        Intensity intensity;
        try {
            intensity = Intensity.ofColumnName(cols[4]);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        boolean hasCentroid = cols.length == 6;

        Rows rows = new Rows(hasCentroid);
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = split(line, d);
            if (f.length != cols.length) {
                throw new IOException(name + " line " + lineNo + ": expected " + cols.length + " fields, got " + f.length);
            }
            try {
                rows.add(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), hasCentroid ? Double.parseDouble(f[5]) : 0);
            } catch (NumberFormatException e) {
                throw new IOException(name + " line " + lineNo + ": not a number: " + e.getMessage(), e);
            }
            if (rows.frame[rows.n - 1] < 0 || rows.bin[rows.n - 1] < 0) {
                throw new IOException(name + " line " + lineNo + ": frame and bin must be >= 0");
            }
        }
        if (rows.n == 0) {
            throw new IOException(name + ": no data rows");
        }
        return rows.toTable(name, intensity);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String[] split(String line, char d) {
        String[] parts = line.split(d == '\t' ? "\t" : ",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    /** Growable columns of the rows read so far. */
    private static final class Rows {
        int n;
        int[] frame = new int[1024];
        int[] bin = new int[1024];
        double[] time = new double[1024];
        double[] freq = new double[1024];
        double[] value = new double[1024];
        double[] centroid;

        Rows(boolean hasCentroid) {
            centroid = hasCentroid ? new double[1024] : null;
        }

        void add(int f, int k, double t, double hz, double v, double c) {
            if (n == frame.length) {
                int cap = Math.multiplyExact(n, 2);
                frame = Arrays.copyOf(frame, cap);
                bin = Arrays.copyOf(bin, cap);
                time = Arrays.copyOf(time, cap);
                freq = Arrays.copyOf(freq, cap);
                value = Arrays.copyOf(value, cap);
                if (centroid != null) {
                    centroid = Arrays.copyOf(centroid, cap);
                }
            }
            frame[n] = f;
            bin[n] = k;
            time[n] = t;
            freq[n] = hz;
            value[n] = v;
            if (centroid != null) {
                centroid[n] = c;
            }
            n++;
        }

        Table3D toTable(String name, Intensity intensity) throws IOException {
            int frames = 0;
            int bins = 0;
            for (int i = 0; i < n; i++) {
                frames = Math.max(frames, frame[i] + 1);
                bins = Math.max(bins, bin[i] + 1);
            }
            if ((long) frames * bins != n) {
                throw new IOException(name + ": " + n + " rows do not form a full grid of " + bins + " bins x "
                        + frames + " frames (" + (long) frames * bins + " rows)");
            }
            double[] times = new double[frames];
            double[] freqs = new double[bins];
            boolean[] timeSeen = new boolean[frames];
            boolean[] freqSeen = new boolean[bins];
            boolean[] filled = new boolean[n];
            double[] values = new double[n];
            double[] distances = centroid == null ? null : new double[n];
            for (int i = 0; i < n; i++) {
                int cell = frame[i] * bins + bin[i];
                if (filled[cell]) {
                    throw new IOException(name + ": frame " + frame[i] + " bin " + bin[i] + " appears twice");
                }
                filled[cell] = true;
                values[cell] = value[i];
                if (distances != null) {
                    distances[cell] = centroid[i];
                }
                times[frame[i]] = consistent(name, "time_s of frame " + frame[i], timeSeen, frame[i], times, time[i]);
                freqs[bin[i]] = consistent(name, "freq_hz of bin " + bin[i], freqSeen, bin[i], freqs, freq[i]);
            }
            try {
                TfAxes axes = new TfAxes(times, freqs);
                return new Table3D(new SpectrogramMatrix(new TfMatrix(bins, frames, values), axes, intensity), distances);
            } catch (IllegalArgumentException e) {
                throw new IOException(name + ": " + e.getMessage(), e);
            }
        }

        private static double consistent(String name, String what, boolean[] seen, int i, double[] known, double v)
                throws IOException {
            if (seen[i] && known[i] != v) {
                throw new IOException(name + ": " + what + " is " + v + " in one row and " + known[i] + " in another");
            }
            seen[i] = true;
            return v;
        }
    }
}
