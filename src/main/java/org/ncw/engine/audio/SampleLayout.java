package org.ncw.engine.audio;

import java.util.List;

/**
 * Where a file's samples lie and how they are stored, as its header says (after repairs, listed in notes).
 *
 * @param storedBits bits per sample as the header declares them (e.g. 12 in a 16-bit AIFF container)
 */
record SampleLayout(AudioContainer container, WavFormat format, int storedBits, long dataOffset, long frames,
                    boolean bigEndian, List<String> notes) {
    SampleLayout {
        notes = List.copyOf(notes);
    }
}
