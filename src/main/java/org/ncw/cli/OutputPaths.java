package org.ncw.cli;

import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;

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
        if (Files.isDirectory(output)) {
            throw new IOException(output + ": is a directory; give a file name to write");
        }
        if (!force && Files.exists(output)) {
            throw new IOException(output + ": already exists (use --force to replace it)");
        }
        return force ? WriteMode.OVERWRITE : WriteMode.FAIL_IF_EXISTS;
    }

    /** Creates an output directory (and its parents), saying which path is in the way when one is a file. */
    static void createDirectory(Path dir, String option) throws IOException {
        checkDirectory(dir, option);
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IOException(dir + ": cannot create the directory, " + e.getFile() + " is a file (" + option
                    + " names the output directory)", e);
        }
    }

    /** Refuses an output directory that exists as a plain file (it is created later, when missing). */
    static void checkDirectory(Path dir, String option) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory (" + option + " names the output directory)");
        }
    }
}
