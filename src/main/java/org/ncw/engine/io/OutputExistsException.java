package org.ncw.engine.io;

import java.nio.file.Path;

/** An output file already exists and the write mode does not allow replacing it. */
public class OutputExistsException extends FileProblemException {
    public OutputExistsException(Path file) {
        super(file, "already exists");
    }
}
