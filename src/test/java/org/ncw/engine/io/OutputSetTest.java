package org.ncw.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's outputs appear together or not at all, and every output problem shows before the work. */
class OutputSetTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static AtomicFileWriter.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void committedOutputsAppearTogetherAndNothingElseRemains() throws IOException {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        try (OutputSet set = OutputSet.reserve(WriteMode.FAIL_IF_EXISTS, OutputGuard.none(), a, b)) {
            set.write(a, text("A"));
            set.write(b, text("B"));
            assertFalse(Files.exists(a), "nothing appears before the commit");
            set.commit();
        }
        assertEquals(List.of("a.wav", "b.wav"), names());
        assertEquals("A", Files.readString(a));
        assertEquals(Set0.EMPTY, Set0.of(OutputSet.inProgress()));
    }

    @Test
    void aFailureAfterTheFirstFileLeavesNeitherAndKeepsWhatWasThere() throws IOException {
        Path a = Files.writeString(dir.resolve("a.wav"), "old A");
        Path b = dir.resolve("b.wav");
        IOException full = assertThrows(IOException.class, () -> {
            try (OutputSet set = OutputSet.reserve(WriteMode.OVERWRITE, OutputGuard.none(), a, b)) {
                set.write(a, text("new A"));
                set.write(b, out -> {
                    throw new IOException("No space left on device");
                });
                set.commit();
            }
        });
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        assertEquals(List.of("a.wav"), names());
        assertEquals("old A", Files.readString(a));
    }

    @Test
    void problemsWithAnyTargetShowAtReservationAndLeaveNothing() throws IOException {
        Path ok = dir.resolve("ok.wav");
        Path existing = Files.writeString(dir.resolve("existing.wav"), "x");
        OutputExistsException exists = assertThrows(OutputExistsException.class,
                () -> OutputSet.reserve(WriteMode.FAIL_IF_EXISTS, OutputGuard.none(), ok, existing));
        assertEquals(existing + ": already exists", exists.getMessage());
        String missing = assertThrows(FileProblemException.class, () -> OutputSet.reserve(WriteMode.OVERWRITE,
                OutputGuard.none(), ok, dir.resolve("nodir/r.wav"))).getMessage();
        assertTrue(missing.endsWith("cannot write: folder " + dir.resolve("nodir") + " does not exist"), missing);
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), dir.resolve("gone.wav"));
        String dangling = assertThrows(FileProblemException.class,
                () -> OutputSet.reserve(WriteMode.OVERWRITE, OutputGuard.none(), ok, link)).getMessage();
        assertTrue(dangling.contains("is a symbolic link to " + dir.resolve("gone.wav") + ", which does not exist"),
                dangling);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertTrue(assertThrows(FileProblemException.class, () -> OutputSet.reserve(WriteMode.OVERWRITE,
                OutputGuard.none(), ok, sub)).getMessage().endsWith("is a directory; give a file name to write"));
        assertTrue(assertThrows(FileProblemException.class, () -> OutputSet.reserve(WriteMode.OVERWRITE,
                OutputGuard.protecting(existing), ok, existing)).getMessage().contains("refusing to overwrite input"));
        assertTrue(assertThrows(FileProblemException.class, () -> OutputSet.reserve(WriteMode.OVERWRITE,
                OutputGuard.none(), ok, dir.resolve("./ok.wav"))).getMessage().contains("named twice"));
        assertEquals(List.of("existing.wav", "link.wav", "sub"), names());
        assertEquals("x", Files.readString(existing));
    }

    @Test
    void aFileThatAppearsDuringTheWorkIsNotReplacedWithoutOverwrite() throws IOException {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        try (OutputSet set = OutputSet.reserve(WriteMode.FAIL_IF_EXISTS, OutputGuard.none(), a, b)) {
            set.write(a, text("A"));
            set.write(b, text("B"));
            Files.writeString(b, "another run's b");
            assertThrows(OutputExistsException.class, set::commit);
        }
        assertEquals(List.of("b.wav"), names(), "a.wav must not appear without its b.wav");
        assertEquals("another run's b", Files.readString(b));
    }

    @Test
    void concurrentOverwritingRunsNeverMixTheirOutputs() throws Exception {
        Path a = dir.resolve("out.wav");
        Path b = dir.resolve("out.residue.wav");
        for (int round = 0; round < 20; round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> runs = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (String who : new String[] {"first", "second"}) {
                Thread t = new Thread(() -> {
                    try (OutputSet set = OutputSet.reserve(WriteMode.OVERWRITE, OutputGuard.none(), a, b)) {
                        start.await();
                        set.write(a, text(who));
                        set.write(b, text(who));
                        set.commit();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                t.start();
                runs.add(t);
            }
            start.countDown();
            for (Thread t : runs) {
                t.join(10_000);
            }
            assertEquals(List.of(), failures);
            assertEquals(Files.readString(a), Files.readString(b), "output and residue of one run");
            assertEquals(List.of("out.residue.wav", "out.wav"), names());
        }
    }

    @Test
    void aBatchCanGiveUpTheFilesOfItsFailedPartsAndCommitTheRest() throws IOException {
        Path a = dir.resolve("pair1.wav");
        Path b = dir.resolve("pair2.wav");
        try (OutputSet set = OutputSet.reserve(WriteMode.FAIL_IF_EXISTS, OutputGuard.none(), a, b)) {
            set.write(a, text("A"));
            assertThrows(FileProblemException.class, set::commit, "an unwritten target blocks the commit");
            assertEquals(List.of(b.toAbsolutePath().normalize()), set.discardUnwritten());
            set.commit();
        }
        assertEquals(List.of("pair1.wav"), names());
    }

    @Test
    void shutdownCleanupRemovesTheTemporariesOfAnOpenSet() throws IOException {
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        try (OutputSet set = OutputSet.reserve(WriteMode.FAIL_IF_EXISTS, OutputGuard.none(), a, b)) {
            set.write(a, text("A"));
            assertEquals(2, names().size(), "two temporary files while the run works");
            OutputSet.deleteInProgress();   // what the shutdown hook (Ctrl-C) runs
            assertEquals(List.of(), names());
            String m = assertThrows(FileProblemException.class, () -> set.write(b, text("B"))).getMessage();
            assertEquals(b + ": cannot write: its temporary file was removed (interrupted?)", m);
            assertThrows(FileProblemException.class, set::commit);
        }
        assertEquals(List.of(), names());
    }

    /** Set comparison that prints well. */
    private record Set0(java.util.Set<Path> paths) {
        static final Set0 EMPTY = new Set0(java.util.Set.of());

        static Set0 of(java.util.Set<Path> paths) {
            return new Set0(paths);
        }
    }
}
