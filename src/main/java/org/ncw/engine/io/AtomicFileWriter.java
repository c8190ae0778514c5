package org.ncw.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes one file so that it either appears complete or not at all: a one-target {@link OutputSet} (bytes to a
 * temporary file in the target's folder, flushed to disk, then moved over the target; the temporary file deleted on
 * any failure and at JVM shutdown, so an interrupted command leaves no {@code .NAME.RANDOM.tmp} behind).
 */
public final class AtomicFileWriter {
    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to its channel, which may seek (to patch a header once the length is known). */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /** Writes {@code target}; refuses inputs named by {@code guard} always, and existing files unless OVERWRITE. */
    public static void write(Path target, WriteMode mode, OutputGuard guard, Content content) throws IOException {
        try (OutputSet set = OutputSet.reserve(mode, guard, target)) {
            set.write(target, content);
            set.commit();
        }
    }

    /** As {@link #write}, for a UTF-8 text. */
    public static void writeString(Path target, WriteMode mode, OutputGuard guard, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(target, mode, guard, out -> out.write(bytes));
    }

    /** As {@link #write}, handing the content the temporary file's channel (a writer that patches its header). */
    public static void writeChannel(Path target, WriteMode mode, OutputGuard guard, ChannelContent content)
            throws IOException {
        try (OutputSet set = OutputSet.reserve(mode, guard, target)) {
            set.writeChannel(target, content);
            set.commit();
        }
    }

    /** Deletes the temporary files of writes still in progress (run at JVM shutdown). */
    static void deleteInProgress() {
        OutputSet.deleteInProgress();
    }

    /** The temporary files being written now (for tests). */
    static Set<Path> inProgress() {
        return OutputSet.inProgress();
    }
}
