package org.ncw.cli;

import org.ncw.engine.audio.OutputGuard;
import org.ncw.engine.audio.WriteMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Up-front checks of an output file, so a command fails before the work rather than after it. */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Refuses an input always and an existing file unless {@code force}; returns the write mode to use. */
    static WriteMode check(Path output, boolean force, OutputGuard guard) throws IOException {
        guard.check(output);
        if (!force && Files.exists(output)) {
            throw new IOException(output + ": already exists (use --force to replace it)");
        }
        return force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
    }
}
