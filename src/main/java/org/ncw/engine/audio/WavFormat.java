package org.ncw.engine.audio;

/**
 * The sample layout of a WAV file's data chunk, from its fmt chunk.
 *
 * @param bytesPerSample container size of one sample (1-4 for PCM, 4 or 8 for float)
 * @param validBits      meaningful bits per sample as declared (e.g. 24, or 20 in a 24-bit container)
 */
record WavFormat(SampleEncoding encoding, int bytesPerSample, int validBits, int channels, int sampleRate) {
    int frameBytes() {
        return bytesPerSample * channels;
    }
}
