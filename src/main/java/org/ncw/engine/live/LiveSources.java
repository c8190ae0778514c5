package org.ncw.engine.live;

import java.io.IOException;
import java.nio.file.Path;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;

/** Opens "a file played as a microphone" for live mode. */
public final class LiveSources {
    private LiveSources() {
    }

    /**
     * Reads the recording (channels mixed) and plays it at real-time pace, looping if asked. Live mode then runs at
     * the file's rate: there is no resampling.
     */
    public static PacedSignalSource file(Path file, boolean loop) throws IOException {
        Signal s = AudioReader.readMono(file);
        if (s.length() == 0) {
            throw new IOException(file + ": no samples to play");
        }
        return new PacedSignalSource(s, String.valueOf(file.getFileName()), loop);
    }
}
