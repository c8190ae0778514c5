package org.ncw.engine.audio;

/** The file container an audio clip came from. */
public enum AudioContainer {
    WAV, AIFF, AU
}
