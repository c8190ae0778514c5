package org.ncw.engine.io;


import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that it either appears complete or not at all: the bytes go to a temporary file in the target's
 * directory, which is flushed to disk and then renamed over the target ({@code ATOMIC_MOVE}, falling back to a plain
 * move where the file system has none). The temporary file is deleted on any failure, and also when the JVM shuts
 * down while it is being written (Ctrl-C), so an interrupted command leaves no {@code .NAME.RANDOM.tmp} behind.
 */
public final class AtomicFileWriter {
    /** Temporary files being written now; a shutdown hook deletes those left when the JVM exits mid-write. */
    private static final java.util.Set<Path> IN_PROGRESS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFileWriter::deleteInProgress, "ncw-temp-cleanup"));
    }

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
        writeChannel(target, mode, guard, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush();
        });
    }

    /** As {@link #write}, handing the content the temporary file's channel. */
    public static void writeChannel(Path target, WriteMode mode, OutputGuard guard, ChannelContent content)
            throws IOException {
        guard.check(target);
        if (Files.isDirectory(target)) {
            throw new FileProblemException(target, "is a directory; give a file name to write");
        }
        if (mode == WriteMode.FAIL_IF_EXISTS && Files.exists(target)) {
            throw new FileProblemException(target, "already exists (use overwrite to replace it)");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new FileProblemException(target, "cannot write: directory " + dir + " does not exist");
        }
        Path temp;
        try {
            temp = createSibling(dir, target.getFileName().toString());
        } catch (IOException e) {
            throw new FileProblemException(target, "cannot write in " + dir + ": " + e.getMessage(), e);
        }
        IN_PROGRESS.add(temp);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.writeTo(ch);
                ch.force(true);
            }
            move(temp, target, mode);
            moved = true;
        } catch (FileAlreadyExistsException e) {
            throw new FileProblemException(target, "already exists (use overwrite to replace it)", e);
        } catch (FileProblemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileProblemException(target, "cannot write: " + e.getMessage(), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
            IN_PROGRESS.remove(temp);
        }
    }

    /** Deletes the temporary files of writes still in progress (run at JVM shutdown). */
    static void deleteInProgress() {
        for (Path temp : IN_PROGRESS) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // best effort while the JVM exits
            }
        }
    }

    /** The temporary files being written now (for tests). */
    static java.util.Set<Path> inProgress() {
        return java.util.Set.copyOf(IN_PROGRESS);
    }

    /**
     * Creates the temporary file with the process's default permissions (umask), unlike
     * {@code Files.createTempFile}, whose owner-only mode would end up on the finished output.
     */
    private static Path createSibling(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static void move(Path temp, Path target, WriteMode mode) throws IOException {
        if (mode == WriteMode.FAIL_IF_EXISTS) {
            // A hard link is an atomic "create if absent"; file systems without links get a plain no-replace move.
            try {
                Files.createLink(target, temp);
                Files.deleteIfExists(temp);
                return;
            } catch (UnsupportedOperationException | IOException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw (FileAlreadyExistsException) e;
                }
                Files.move(temp, target);
                return;
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
