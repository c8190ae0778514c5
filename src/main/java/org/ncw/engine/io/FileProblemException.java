package org.ncw.engine.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file cannot be read or written; the message names the file and the problem. */
public class FileProblemException extends IOException {
    private final transient Path file;

    public FileProblemException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public FileProblemException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
