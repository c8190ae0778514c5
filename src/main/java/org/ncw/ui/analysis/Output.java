package org.ncw.ui.analysis;

import org.ncw.engine.core.Signal;

/**
 * One signal the user can listen to and export: the original, the blind denoiser's output, the production-filtered signal, a clustered
 * speech or residue output, or an ICA output. Scores are NaN without a clean reference.
 */
public record Output(String name, Kind kind, Signal signal, String settings, double runtimeSeconds,
                     double siSdr, double stoi, double estoi) {

    /** An output not scored with ESTOI (NaN). */
    public Output(String name, Kind kind, Signal signal, String settings, double runtimeSeconds, double siSdr,
                  double stoi) {
        this(name, kind, signal, settings, runtimeSeconds, siSdr, stoi, Double.NaN);
    }

    public enum Kind { ORIGINAL, DENOISED, PRODUCTION, SPEECH, RESIDUE, ICA }

    /** A file-name friendly id, e.g. "speech" or "ica-1". */
    public String fileStem() {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public Output withScores(double newSiSdr, double newStoi) {
        return new Output(name, kind, signal, settings, runtimeSeconds, newSiSdr, newStoi, Double.NaN);
    }

    public Output withScores(double newSiSdr, double newStoi, double newEstoi) {
        return new Output(name, kind, signal, settings, runtimeSeconds, newSiSdr, newStoi, newEstoi);
    }
}
