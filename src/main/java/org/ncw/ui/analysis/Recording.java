package org.ncw.ui.analysis;

import java.util.List;
import org.ncw.engine.core.Signal;

/**
 * A file as the workbench opens it: the mono mix-down, how many channels the file had, and the repairs the reader
 * made (e.g. a data size clamped to a truncated file), which the user is warned about.
 */
public record Recording(Signal signal, int channels, List<String> notes) {
    public Recording {
        notes = List.copyOf(notes);
    }
}
