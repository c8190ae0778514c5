package org.ncw.ui.analysis;

/**
 * The stages of one analysis run. A parameter belongs to one stage; changing it recomputes that stage and the
 * stages that consume its output, never the ones before it (a mask change never re-runs clustering).
 */
public enum Stage {
    SPECTROGRAM("Resolution"),
    DATASET("Dataset"),
    CLUSTER("Clustering"),
    MASK("Mask"),
    PRODUCTION("Production chain"),
    DENOISER("Denoiser"),
    ICA("ICA");

    private final String title;

    Stage(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
