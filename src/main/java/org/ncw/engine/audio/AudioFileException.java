package org.ncw.engine.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An audio file cannot be read or written; the message names the file and the problem. */
public class AudioFileException extends IOException {
    private final transient Path file;

    public AudioFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
