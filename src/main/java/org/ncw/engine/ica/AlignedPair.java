package org.ncw.engine.ica;

import org.ncw.engine.audio.Resampler;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two signals (and optionally a reference track for ranking) at one sample rate and one length, ready for
 * {@link PairSeparation}. {@link #align} brings any two signals there: every signal is resampled to the lowest of
 * their rates (downsampling invents no bandwidth) and all are cut to the shortest length (ICA needs the same
 * instants in both rows; zero padding would add a silent stretch present in one input only).
 *
 * @param reference {@code null} when there is none
 * @param changes   what alignment did, one line per change (empty when the inputs already matched)
 */
public record AlignedPair(Signal first, Signal second, Signal reference, List<String> changes) {
    public AlignedPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        changes = List.copyOf(changes);
        for (Signal s : reference == null ? List.of(second) : List.of(second, reference)) {
            if (s.sampleRate() != first.sampleRate() || s.length() != first.length()) {
                throw new IllegalArgumentException("an aligned pair needs one sample rate and length: got "
                        + first.length() + " samples at " + first.sampleRate() + " Hz and " + s.length()
                        + " at " + s.sampleRate() + " Hz (use AlignedPair.align)");
            }
        }
    }

    public int sampleRate() {
        return first.sampleRate();
    }

    public int length() {
        return first.length();
    }

    /** Resamples to the lowest rate and cuts to the shortest length; {@code reference} may be {@code null}. */
    public static AlignedPair align(Signal first, Signal second, Signal reference, TaskMonitor monitor) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        String[] names = {"first", "second", "reference"};
        Signal[] s = {first, second, reference};
        int count = reference == null ? 2 : 3;
        int rate = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            rate = Math.min(rate, s[i].sampleRate());
        }
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (s[i].sampleRate() != rate) {
                changes.add("resampled " + names[i] + " from " + s[i].sampleRate() + " to " + rate + " Hz");
                s[i] = Resampler.resample(s[i], rate);
            }
            monitor.step(i + 1, 2L * count);
        }
        int length = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            length = Math.min(length, s[i].length());
        }
        for (int i = 0; i < count; i++) {
            if (s[i].length() != length) {
                changes.add("cut " + names[i] + " from " + s[i].length() + " to " + length + " samples");
                s[i] = s[i].withSamples(java.util.Arrays.copyOf(s[i].samples(), length));
            }
        }
        monitor.done();
        return new AlignedPair(s[0], s[1], s[2], changes);
    }
}
