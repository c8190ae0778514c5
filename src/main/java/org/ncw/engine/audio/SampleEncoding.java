package org.ncw.engine.audio;

/** How one sample is stored in a file. */
public enum SampleEncoding {
    PCM_SIGNED("PCM signed integer"),
    PCM_UNSIGNED("PCM unsigned integer"),
    FLOAT("IEEE float"),
    MU_LAW("mu-law"),
    A_LAW("A-law");

    private final String label;

    SampleEncoding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
