package org.ncw.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C while a file is being written: the shutdown cleanup deletes the temporary file, no target appears. */
class AtomicFileWriterShutdownTest {
    @TempDir
    Path dir;

    @Test
    void shutdownCleanupDeletesTheTemporaryFileOfAWriteInProgress() throws Exception {
        Path target = dir.resolve("out.wav");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                AtomicFileWriter.write(target, WriteMode.FAIL_IF_EXISTS, OutputGuard.none(), out -> {
                    out.write(new byte[100_000]);
                    out.flush();
                    writing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(1);
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        Set<Path> temps = temporaryFiles();
        assertEquals(1, temps.size(), "one .out.wav.RANDOM.tmp while writing");
        assertTrue(AtomicFileWriter.inProgress().containsAll(temps));

        AtomicFileWriter.deleteInProgress();   // what the shutdown hook runs
        assertEquals(Set.of(), temporaryFiles());
        release.countDown();
        writer.join(10_000);
        assertNotNull(failure.get(), "the interrupted write must fail, not publish a file");
        assertTrue(failure.get() instanceof IOException, failure.get().toString());
        assertFalse(Files.exists(target));
        assertEquals(Set.of(), AtomicFileWriter.inProgress());
    }

    private Set<Path> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return Set.copyOf(s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
