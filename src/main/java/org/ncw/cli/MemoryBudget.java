package org.ncw.cli;

import org.ncw.engine.audio.AudioFileInfo;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.io.FileProblemException;
import org.ncw.engine.workbench.WindowOptions;

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
    INFO("info", 8, "or convert it to WAV (read block by block, in bounded memory)"),
    SPECTROGRAM("spectrogram", 70, "or convert it to WAV (read block by block, in bounded memory)"),
    TABLE("table", 16, "or use a shorter file"),
    DENOISE_PRODUCTION("denoise (production)", 134, "or a shorter --window"),
    DENOISE_BLIND("denoise (blind)", 168, "or a shorter --window"),
    DENOISE_CLUSTER("denoise (cluster)", 960, "or a shorter --window"),
    CLUSTER("cluster", 960, "or the column strategy (--strategy column), which runs in windows of bounded memory"),
    ICA("ica", 26, "or use shorter files");

    private static final double GIB = 1L << 30;
    /** What the JVM, picocli and the engine's classes take before the first sample. */
    private static final long BASELINE_BYTES = 32L << 20;

    /** Shortest central part of a window {@link #windows} accepts before refusing. */
    static final double MIN_WINDOW_SECONDS = 5;

    /** Share of the free heap one window may take (the rest: the outputs' buffers, garbage between windows). */
    static final double WINDOW_SHARE = 0.75;

    private final String run;
    private final long bytesPerFrame;
    private final String hint;

    MemoryBudget(String run, long bytesPerFrame, String hint) {
        this.run = run;
        this.bytesPerFrame = bytesPerFrame;
        this.hint = hint;
    }

    /**
     * The windows of a windowed denoise run: the default 60 s, or as long as fits in {@value #WINDOW_SHARE} of {@code availableBytes}
     * at this method's bytes per frame; refuses (one line, with the size one window would need) when that is below
     * {@value #MIN_WINDOW_SECONDS} s.
     */
    WindowOptions windows(Path input, WindowOptions defaults, int sampleRate, long availableBytes)
            throws FileProblemException {
        for (double seconds = defaults.windowSeconds(); seconds >= MIN_WINDOW_SECONDS; seconds -= 1) {
            WindowOptions w = seconds == defaults.windowSeconds() ? defaults : defaults.withWindowSeconds(seconds);
            if (windowBytes(w, sampleRate) <= availableBytes) {
                return w;
            }
        }
        long needed = windowBytes(defaults.withWindowSeconds(MIN_WINDOW_SECONDS), sampleRate);
        throw new FileProblemException(input, String.format(Locale.ROOT, "too little memory for %s: one window"
                + " of %.0f s of %d Hz audio needs about %.2f GiB, the Java heap has %.2f GiB free; %s", run,
                MIN_WINDOW_SECONDS, sampleRate, needed / GIB, availableBytes / GIB, remedy(needed)));
    }

    /** Heap one window needs: the baseline and the method's bytes per frame of the longest window, over the share. */
    long windowBytes(WindowOptions windows, int sampleRate) {
        return BASELINE_BYTES + (long) (bytesPerFrame * windows.maxWindowSamples(sampleRate) / WINDOW_SHARE);
    }

    /** The budget of a denoise run by the kind of method it runs. */
    static MemoryBudget forMethod(org.ncw.engine.workbench.Method.Kind kind) {
        return switch (kind) {
            case PRODUCTION -> DENOISE_PRODUCTION;
            case CLUSTERING -> DENOISE_CLUSTER;
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
                    needed / GIB, run, availableBytes / GIB, remedy(needed) + ", " + hint));
        }
    }

    /** What to do when memory runs out: more heap (each budget adds what else fits its command). */
    static String remedy(long neededBytes) {
        long gib = (long) Math.ceil(neededBytes * 1.2 / GIB) + 1;
        return "give Java more memory (java -Xmx" + gib + "g -jar ncw.jar ..., or NCW_JAVA_OPTS=-Xmx" + gib
                + "g for the installed ncw)";
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
