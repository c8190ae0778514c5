package org.ncw.engine.audio;

import org.ncw.engine.io.FileProblemException;

import java.nio.file.Path;

/** An audio file cannot be read or written; the message names the file and the problem. */
public class AudioFileException extends FileProblemException {
    public AudioFileException(Path file, String problem) {
        super(file, problem);
    }

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
