package org.ncw.cli;

import org.ncw.engine.audio.AudioFileInfo;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.io.FileProblemException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before any sample is read, a run whose input is too long for the Java heap, with one line saying how
 * much it needs and what to do, instead of an OutOfMemoryError half way. The figures are peak heap bytes per frame
 * of mono audio, measured as the smallest {@code -Xmx} with which a 16 kHz mono file of known length still runs
 * (docs/cli.md, "Limits"); each further channel adds the 4 bytes per sample of the loaded file.
 */
enum MemoryBudget {
    INFO("info", 8),
    SPECTROGRAM("spectrogram", 70),
    TABLE("table", 16),
    DENOISE_PRODUCTION("denoise (production)", 134),
    DENOISE_BLIND("denoise (blind)", 168),
    CLUSTER("cluster", 960),
    ICA("ica", 26);

    private static final double GIB = 1L << 30;
    /** What the JVM, picocli and the engine's classes take before the first sample. */
    private static final long BASELINE_BYTES = 32L << 20;

    private final String run;
    private final long bytesPerFrame;

    MemoryBudget(String run, long bytesPerFrame) {
        this.run = run;
        this.bytesPerFrame = bytesPerFrame;
    }

    /** The budget of a denoise run by the kind of method it runs. */
    static MemoryBudget forMethod(org.ncw.engine.workbench.Method.Kind kind) {
        return switch (kind) {
            case PRODUCTION -> DENOISE_PRODUCTION;
            case CLUSTERING -> CLUSTER;
            case REFERENCE -> INFO;
            case DENOISER, ICA -> DENOISE_BLIND;
        };
    }

    /** Heap bytes this run needs for the files' lengths and channels. */
    long bytesNeeded(List<AudioFileInfo> inputs) {
        long needed = BASELINE_BYTES;
        for (AudioFileInfo info : inputs) {
            needed += info.frames() * (bytesPerFrame + 4L * Math.max(0, info.channels() - 1));
        }
        return needed;
    }

    /** Reads the files' headers and throws if the run would not fit in the heap this JVM may still grow to. */
    void check(Path... inputs) throws IOException {
        List<AudioFileInfo> infos = new ArrayList<>();
        for (Path input : inputs) {
            infos.add(AudioReader.readInfo(input));
        }
        check(infos, available());
    }

    /** Throws, naming the longest input, if the run needs more than {@code availableBytes}. */
    void check(List<AudioFileInfo> inputs, long availableBytes) throws FileProblemException {
        long needed = bytesNeeded(inputs);
        if (needed > availableBytes) {
            AudioFileInfo info = inputs.stream().max(Comparator.comparingLong(AudioFileInfo::frames)).orElseThrow();
            throw new FileProblemException(info.path(), String.format(Locale.ROOT,
                    "too long for the memory this run has: %s of %d Hz audio needs about %.1f GiB for %s, the Java"
                            + " heap has %.1f GiB free; %s", duration(info.durationSeconds()), info.sampleRate(),
                    needed / GIB, run, availableBytes / GIB, remedy(needed)));
        }
    }

    /** What to do when memory runs out: more heap, a shorter file, or streaming. */
    static String remedy(long neededBytes) {
        long gib = (long) Math.ceil(neededBytes * 1.2 / GIB) + 1;
        return "give Java more memory (java -Xmx" + gib + "g -jar ncw.jar ..., or NCW_JAVA_OPTS=-Xmx" + gib
                + "g for the installed ncw), use a shorter file, or the streaming method (docs/cli.md)";
    }

    /** The heap this JVM can still use: its maximum less what is in use now. */
    static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static String duration(double seconds) {
        return seconds >= 120 ? String.format(Locale.ROOT, "%.1f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
