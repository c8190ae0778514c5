package org.ncw.cli;

import org.ncw.engine.io.FileProblemException;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Engine work on a file's audio whose parameters were valid as typed: when the engine then refuses one because of
 * the file (a cutoff above the Nyquist frequency of a 7 Hz file), that is the file's problem, exit 1 naming the
 * file, not a usage error.
 */
final class FileLimits {
    private FileLimits() {
    }

    static <T> T atRate(Path input, int sampleRate, Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (IllegalArgumentException e) {
            if (!isAboutTheRate(e.getMessage())) {
                throw e; // a parameter that is wrong whatever the file (e.g. a noise span past its end): exit 2
            }
            throw new FileProblemException(input, "cannot be processed at its sample rate of " + sampleRate + " Hz: "
                    + e.getMessage(), e);
        }
    }

    /** The engine names the rate in every check that depends on it ("below Nyquist at sample rate 7.0"). */
    private static boolean isAboutTheRate(String message) {
        return message != null && (message.contains("sample rate") || message.contains("Nyquist"));
    }
}
