package org.ncw.ui.analysis;

import java.util.List;
import org.ncw.engine.core.Signal;

/**
 * A file as the workbench opens it: the mono mix-down, how many channels the file had, and the repairs the reader
 * made (e.g. a data size clamped to a truncated file), which the user is warned about; for a file of several
 * channels each channel on its own too ({@code perChannel}, empty for a mono file), so one can be chosen.
 */
public record Recording(Signal signal, int channels, List<String> notes, List<Signal> perChannel) {
    public Recording {
        notes = List.copyOf(notes);
        perChannel = perChannel == null ? List.of() : List.copyOf(perChannel);
    }

    public Recording(Signal signal, int channels, List<String> notes) {
        this(signal, channels, notes, List.of());
    }
}
