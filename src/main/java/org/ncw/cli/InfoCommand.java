package org.ncw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioFileInfo;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelLevel;
import org.ncw.engine.core.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ncw info FILE...}: format, length and levels of audio files. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show the format, length and per-channel peak/RMS level of audio files (WAV, AIFF, AU).",
                "A file that cannot be read gets one error line; the exit code is then 1."})
public final class InfoCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array (one object per readable file) instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to describe.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode array = Json.mapper().createArrayNode();
        int failures = 0;
        for (Path file : files) {
            AudioFileInfo info;
            List<ChannelLevel> levels;
            try {
                info = AudioReader.readInfo(file);
                levels = info.container() == org.ncw.engine.audio.AudioContainer.WAV ? streamLevels(file, info) : null;
                if (levels == null) {
                    MemoryBudget.INFO.check(file);
                    AudioClip clip = AudioReader.read(file);
                    info = clip.info();
                    levels = ChannelLevel.measure(clip);
                }
            } catch (IOException e) {
                err.println("ncw: error: " + e.getMessage());
                if (verbose.verbose) {
                    e.printStackTrace(err);
                }
                failures++;
                continue;
            }
            if (json) {
                array.add(toJson(info, levels));
            } else {
                printText(out, info, levels);
            }
        }
        if (json) {
            out.println(Json.write(array));
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    /**
     * The levels of a WAV file read block by block (bounded memory, any length); null when the streaming reader
     * does not take the file (e.g. a header chunk over 1 MiB) or reads another length than the header says, so
     * the whole-file reader, which repairs more, describes it.
     */
    static List<ChannelLevel> streamLevels(Path file, AudioFileInfo info) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file),
                1 << 16)) {
            org.ncw.engine.audio.WavStreamReader reader;
            try {
                reader = org.ncw.engine.audio.WavStreamReader.open(in, file);
            } catch (org.ncw.engine.audio.AudioFileException e) {
                return null;
            }
            if (reader.channels() != info.channels()) {
                return null;
            }
            float[][] block = new float[reader.channels()][4096];
            ChannelLevel.Accumulator acc = new ChannelLevel.Accumulator(reader.channels());
            int got;
            while ((got = reader.readChannels(block, 4096)) > 0) {
                for (float[] channel : block) {
                    for (int i = 0; i < got; i++) {
                        if (!Float.isFinite(channel[i])) {
                            return null; // the whole-file reader refuses it with its own message
                        }
                    }
                }
                acc.add(block, got);
            }
            return acc.frames() == info.frames() && acc.frames() > 0 ? acc.levels() : null;
        }
    }

    private static void printText(PrintWriter out, AudioFileInfo info, List<ChannelLevel> levels) {
        out.println(info.path());
        out.printf(Locale.ROOT, "  format    %s, %s, %d bit%n", info.container(), info.encoding().label(),
                info.bitsPerSample());
        out.printf(Locale.ROOT, "  rate      %d Hz%n", info.sampleRate());
        out.printf(Locale.ROOT, "  channels  %d%n", info.channels());
        out.printf(Locale.ROOT, "  frames    %d%n", info.frames());
        out.printf(Locale.ROOT, "  duration  %.3f s%n", info.durationSeconds());
        for (ChannelLevel l : levels) {
            out.printf(Locale.ROOT, "  channel %d peak %s dBFS, RMS %s dBFS%n", l.channel(), db(l.peakDbfs()),
                    db(l.rmsDbfs()));
        }
        for (String note : info.notes()) {
            out.println("  note      " + note);
        }
    }

    private static String db(double value) {
        return Double.isInfinite(value) ? "-inf" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static ObjectNode toJson(AudioFileInfo info, List<ChannelLevel> levels) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("path", info.path().toString());
        o.put("container", info.container().name());
        o.put("encoding", info.encoding().name());
        o.put("bitsPerSample", info.bitsPerSample());
        o.put("sampleRate", info.sampleRate());
        o.put("channels", info.channels());
        o.put("frames", info.frames());
        o.put("durationSeconds", info.durationSeconds());
        ArrayNode ls = o.putArray("levels");
        for (ChannelLevel l : levels) {
            ObjectNode n = ls.addObject();
            n.put("channel", l.channel());
            putDb(n, "peakDbfs", l.peakDbfs());
            putDb(n, "rmsDbfs", l.rmsDbfs());
        }
        ArrayNode notes = o.putArray("notes");
        info.notes().forEach(notes::add);
        return o;
    }

    /** JSON has no -infinity: silence is null. */
    private static void putDb(ObjectNode n, String name, double value) {
        if (Double.isInfinite(value)) {
            n.putNull(name);
        } else {
            n.put(name, value);
        }
    }
}
