package org.ncw.engine.dataset;

import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dsp.DbScale;
import org.ncw.engine.dsp.Intensity;
import org.ncw.engine.dsp.PooledSpectrogram;
import org.ncw.engine.dsp.StftOptions;
import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The table {@link Table3DFiles#write} writes for a whole recording's spectrogram, written frame by frame from a
 * recording read block by block, so its length is not bounded by the heap. The same rows, byte for byte. What needs
 * the whole recording (the loudest bin, for the dB reference and the 80 dB floor; the spectral centroid) comes from
 * a first pass over the input, so the input is read twice then.
 */
public final class StreamedTable {
    /** Runs one pass over the input: opens it, hands {@code pass} a source, closes it. */
    @FunctionalInterface
    public interface Input {
        void read(Pass pass) throws IOException;
    }

    @FunctionalInterface
    public interface Pass {
        void run(PooledSpectrogram.Source source) throws IOException;
    }

    /** What was written: bins, frames, and the centroid (NaN without that column). */
    public record Written(int bins, int frames, double centroidHz) {
        public long rows() {
            return (long) bins * frames;
        }
    }

    private StreamedTable() {
    }

    public static Written write(Input input, long length, int sampleRate, StftOptions options, Intensity intensity,
                                DbScale dbScale, boolean centroidDistance, Path path, TableFormat format,
                                WriteMode mode, OutputGuard guard, TaskMonitor monitor) throws IOException {
        int bins = options.bins();
        int frames = PooledSpectrogram.frameCount(length, options);
        boolean db = intensity == Intensity.DB;
        boolean firstPass = centroidDistance || db && (dbScale.reference() == DbScale.Reference.MAX
                || dbScale.topDb() != null);
        double[] freq = new double[bins];
        for (int k = 0; k < bins; k++) {
            freq[k] = PooledSpectrogram.binFrequencyHz(k, options, sampleRate);
        }
        double[] stats = {0, 0, 0}; // max |X|, sum f |X|, sum |X|
        if (firstPass) {
            TaskMonitor first = monitor.sub(0, 0.3);
            input.read(source -> PooledSpectrogram.frames(source, length, options, first, (t, re, im) -> {
                for (int k = 0; k < bins; k++) {
                    double m = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
                    stats[0] = Math.max(stats[0], m);
                    stats[1] += freq[k] * m;
                    stats[2] += m;
                }
            }));
        }
        double centroid = !centroidDistance ? Double.NaN : stats[2] > 0 ? stats[1] / stats[2] : 0;
        double ref = dbScale.reference() == DbScale.Reference.MAX ? stats[0] : dbScale.refValue();
        double offset = 20 * Math.log10(Math.max(dbScale.amin(), ref));
        double floor = dbScale.topDb() == null ? Double.NEGATIVE_INFINITY
                : 20 * Math.log10(Math.max(dbScale.amin(), stats[0])) - offset - dbScale.topDb();
        char d = format.delimiter();
        TaskMonitor second = firstPass ? monitor.sub(0.3, 1) : monitor;
        AtomicFileWriter.write(path, mode, guard, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 20);
            StringBuilder line = new StringBuilder(128);
            line.append("frame").append(d).append("bin").append(d).append("time_s").append(d).append("freq_hz")
                    .append(d).append(intensity.columnName());
            if (centroidDistance) {
                line.append(d).append(Table3DFiles.CENTROID_COLUMN);
            }
            w.append(line).append('\n');
            input.read(source -> PooledSpectrogram.frames(source, length, options, second, (t, re, im) -> {
                String time = Double.toString(PooledSpectrogram.frameTimeSeconds(t, options, sampleRate));
                for (int k = 0; k < bins; k++) {
                    double p = re[k] * re[k] + im[k] * im[k];
                    double v = switch (intensity) {
                        case POWER -> p;
                        case MAGNITUDE -> Math.sqrt(p);
                        case DB -> Math.max(20 * Math.log10(Math.max(dbScale.amin(), Math.abs(Math.sqrt(p))))
                                - offset, floor);
                    };
                    line.setLength(0);
                    line.append(t).append(d).append(k).append(d).append(time).append(d).append(freq[k]).append(d)
                            .append(v);
                    if (centroidDistance) {
                        line.append(d).append(Math.abs(freq[k] - centroid));
                    }
                    w.append(line).append('\n');
                }
            }));
            w.flush();
        });
        monitor.done();
        return new Written(bins, frames, centroid);
    }
}
