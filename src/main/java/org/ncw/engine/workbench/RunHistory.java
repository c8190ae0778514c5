package org.ncw.engine.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.io.AtomicFileWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of {@link RunRecord}s kept as JSON lines, one run per line: the journal a sweep appends to as each run
 * finishes (so an interrupted sweep resumes from it) and the history the workbench can load a run from. A last line
 * cut short by an interruption is dropped on reading; {@link #append} repairs the file before adding to it.
 */
public final class RunHistory {
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final OutputGuard guard;

    public RunHistory(Path file, OutputGuard guard) {
        this.file = file;
        this.guard = guard;
    }

    public Path file() {
        return file;
    }

    static String toLine(RunRecord record) {
        try {
            return LINE.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a run as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static RunRecord fromLine(String line) {
        return Json.read(line, RunRecord.class);
    }

    /** The runs in the file (none when it does not exist); a line that is not a run is skipped only if it is last. */
    public List<RunRecord> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                runs.add(fromLine(line));
            } catch (InvalidParameterException e) {
                if (i < lines.size() - 1) {
                    throw new InvalidParameterException(file + ": line " + (i + 1) + " is not a run: " + e.getMessage());
                }
                // the last line was cut short when a run was interrupted; that run runs again
            }
        }
        return runs;
    }

    /** Replaces the file by these runs (atomically). */
    public synchronized void write(List<RunRecord> runs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (RunRecord r : runs) {
            sb.append(toLine(r)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(file, WriteMode.OVERWRITE, guard, out -> out.write(bytes));
    }

    private boolean tornTail() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) != '\n';
        }
    }

    /** Adds one run as a line (written and flushed before this returns). */
    public synchronized void append(RunRecord run) throws IOException {
        if (tornTail()) {
            write(read()); // drops the line an interruption cut short, so the new line starts on its own
        }
        guard.check(file);
        byte[] line = (toLine(run) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
