package org.ncw.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outputs of one run, which appear together or not at all. {@link #reserve} checks every target before the
 * work starts (an input, a directory, an existing file without overwrite, a dangling link, a missing or read-only
 * folder) by creating each target's temporary file next to it; {@link #write} fills a temporary file; {@link #commit}
 * moves them all into place, under a lock shared by every process on the machine, so two runs to the same outputs
 * never mix. Replaced files are kept aside until every move succeeded and put back if one fails. {@link #close}
 * without a commit, any failure, and a JVM shutdown (Ctrl-C) delete the temporary files: nothing is left behind.
 */
public final class OutputSet implements AutoCloseable {
    /** Temporary files of all open sets; the shutdown hook deletes those left when the JVM exits. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    /** Held while files are moved into place, so the shutdown cleanup never interrupts a commit half way. */
    private static final Object COMMITTING = new Object();
    private static final Path MACHINE_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "ncw-outputs.lock");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OutputSet::deleteInProgress, "ncw-temp-cleanup"));
    }

    private final WriteMode mode;
    private final Map<Path, Path> temps = new LinkedHashMap<>();
    private final Set<Path> written = ConcurrentHashMap.newKeySet();
    private boolean committed;

    private OutputSet(WriteMode mode) {
        this.mode = mode;
    }

    /**
     * Checks every target and creates its temporary file; throws (leaving nothing) if one cannot be written.
     * Two targets that are the same file are refused too.
     */
    public static OutputSet reserve(WriteMode mode, OutputGuard guard, List<Path> targets) throws IOException {
        OutputSet set = new OutputSet(mode);
        try {
            for (Path target : targets) {
                set.add(target, guard);
            }
            return set;
        } catch (IOException | RuntimeException e) {
            set.close();
            throw e;
        }
    }

    public static OutputSet reserve(WriteMode mode, OutputGuard guard, Path... targets) throws IOException {
        return reserve(mode, guard, List.of(targets));
    }

    private void add(Path target, OutputGuard guard) throws IOException {
        guard.check(target);
        Path key = key(target);
        if (temps.containsKey(key)) {
            throw new FileProblemException(target, "named twice as an output of the same run");
        }
        if (Files.isDirectory(target)) {
            throw new FileProblemException(target, "is a directory; give a file name to write");
        }
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new FileProblemException(target, "is a symbolic link to " + Files.readSymbolicLink(target)
                    + ", which does not exist; remove the link or give another name");
        }
        if (mode == WriteMode.FAIL_IF_EXISTS && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputExistsException(target);
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new FileProblemException(target, "cannot write: folder " + dir + " does not exist");
        }
        Path temp;
        try {
            temp = createSibling(dir, target.getFileName().toString());
        } catch (java.nio.file.AccessDeniedException e) {
            throw new FileProblemException(target, "cannot write: permission denied in folder " + dir, e);
        } catch (IOException e) {
            throw new FileProblemException(target, "cannot write in folder " + dir + ": " + reason(e), e);
        }
        IN_PROGRESS.add(temp);
        temps.put(key, temp);
    }

    /** What went wrong, without the temporary file's name (the JDK's message for most failures is just the path). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its temporary file was removed (interrupted?)";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Path key(Path target) {
        return target.toAbsolutePath().normalize();
    }

    /** Writes a reserved target's content to its temporary file (flushed to disk); returns the bytes written. */
    public long write(Path target, AtomicFileWriter.Content content) throws IOException {
        Path temp = temps.get(key(target));
        if (temp == null) {
            throw new IllegalStateException(target + " was not reserved");
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
            content.writeTo(out);
            out.flush();
            ch.force(true);
            written.add(temp);
            return ch.size();
        } catch (FileProblemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileProblemException(target, "cannot write: " + reason(e), e);
        }
    }

    /** As {@link #write}, handing the content the temporary file's channel (it may seek back to patch a header). */
    public long writeChannel(Path target, AtomicFileWriter.ChannelContent content) throws IOException {
        Path temp = temps.get(key(target));
        if (temp == null) {
            throw new IllegalStateException(target + " was not reserved");
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            content.writeTo(ch);
            ch.force(true);
            written.add(temp);
            return ch.size();
        } catch (FileProblemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileProblemException(target, "cannot write: " + reason(e), e);
        }
    }

    /** Writes a reserved target's text as UTF-8. */
    public long writeText(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return write(target, out -> out.write(bytes));
    }

    /** Gives up the targets not written (e.g. the pairs of a batch that failed), so a commit moves the others. */
    public List<Path> discardUnwritten() throws IOException {
        List<Path> dropped = new ArrayList<>();
        for (var it = temps.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Path> e = it.next();
            if (!written.contains(e.getValue())) {
                Files.deleteIfExists(e.getValue());
                IN_PROGRESS.remove(e.getValue());
                dropped.add(e.getKey());
                it.remove();
            }
        }
        return dropped;
    }

    /** The size of what was written for {@code target} so far (before the commit moves it into place). */
    public long bytesWritten(Path target) throws IOException {
        Path temp = temps.get(key(target));
        if (temp == null || !written.contains(temp)) {
            throw new IllegalStateException(target + " was not written in this set");
        }
        return Files.size(temp);
    }

    /** The targets of this set, in the order given. */
    public List<Path> targets() {
        return List.copyOf(temps.keySet());
    }

    /** Moves every written file into place, all or none; a target not written is an error. */
    public void commit() throws IOException {
        for (Map.Entry<Path, Path> e : temps.entrySet()) {
            if (!written.contains(e.getValue()) || !Files.exists(e.getValue())) {
                throw new FileProblemException(e.getKey(), "cannot write: its temporary file was not written or was"
                        + " removed (interrupted?)");
            }
        }
        synchronized (COMMITTING) {
            try (MachineLock lock = MachineLock.acquire()) {
                moveAll();
            }
        }
        committed = true;
    }

    private void moveAll() throws IOException {
        if (mode == WriteMode.FAIL_IF_EXISTS) {
            for (Path target : temps.keySet()) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new OutputExistsException(target);
                }
            }
        }
        Map<Path, Path> asides = new LinkedHashMap<>();
        List<Path> placed = new ArrayList<>();
        try {
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                Path target = e.getKey();
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Path aside = createSibling(target.getParent(), target.getFileName() + ".old");
                    IN_PROGRESS.add(aside);
                    move(target, aside);
                    asides.put(target, aside);
                }
                if (mode == WriteMode.FAIL_IF_EXISTS) {
                    Files.move(e.getValue(), target);   // no REPLACE_EXISTING: another writer's file is kept
                } else {
                    move(e.getValue(), target);
                }
                placed.add(target);
            }
        } catch (IOException | RuntimeException failure) {
            for (Path target : placed) {
                Files.deleteIfExists(target);
            }
            for (Map.Entry<Path, Path> a : asides.entrySet()) {
                move(a.getValue(), a.getKey());
                IN_PROGRESS.remove(a.getValue());
            }
            if (failure instanceof FileAlreadyExistsException f) {
                throw new OutputExistsException(Path.of(f.getFile()));
            }
            throw failure;
        }
        for (Path aside : asides.values()) {
            Files.deleteIfExists(aside);
            IN_PROGRESS.remove(aside);
        }
        for (Path temp : temps.values()) {
            IN_PROGRESS.remove(temp);
        }
    }

    /** Deletes the temporary files unless the set was committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        IOException first = null;
        for (Path temp : temps.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
            IN_PROGRESS.remove(temp);
        }
        if (first != null) {
            throw first;
        }
    }

    /** Deletes the temporary files of every set still open (run at JVM shutdown, after a commit in progress). */
    static void deleteInProgress() {
        synchronized (COMMITTING) {
            for (Path temp : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort while the JVM exits
                }
            }
        }
    }

    /** The temporary files of the sets open now (for tests). */
    static Set<Path> inProgress() {
        return Set.copyOf(IN_PROGRESS);
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An advisory lock on a file in the temporary folder, shared by every ncw process; none where it cannot be had. */
    private record MachineLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        static MachineLock acquire() {
            try {
                FileChannel ch = FileChannel.open(MACHINE_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return new MachineLock(ch, ch.lock());
            } catch (IOException | RuntimeException e) {
                return new MachineLock(null, null);   // e.g. another user's lock file: moves still work, unlocked
            }
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
