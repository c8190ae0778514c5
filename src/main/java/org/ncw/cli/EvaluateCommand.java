package org.ncw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.metrics.QualityMetrics;
import org.ncw.engine.metrics.QualityScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ncw evaluate --clean C.wav --enhanced E.wav [--noisy N.wav]}: speech-quality scores of an estimate. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score an enhanced recording against its clean reference: SNR, segmental SNR, SI-SDR, STOI",
                "(Taal 2011) and ESTOI (extended STOI, Jensen & Taal 2016), both pystoi-compatible. With --noisy, also the noisy input's scores and the improvement.",
                "Multi-channel files are mixed down; another sample rate is resampled to the reference's;",
                "different lengths are scored over the common part (each noted on stderr)."})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Option(names = "--clean", required = true, paramLabel = "C.wav", description = "Clean reference speech.")
    Path clean;

    @Option(names = "--enhanced", required = true, paramLabel = "E.wav", description = "Enhanced (denoised) estimate.")
    Path enhanced;

    @Option(names = "--noisy", paramLabel = "N.wav", description = "The noisy input, for deltas.")
    Path noisy;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> notes = new ArrayList<>();
        QualityMetrics.AlignedScores e;
        QualityMetrics.AlignedScores n = null;
        org.ncw.engine.audio.AudioFileInfo ref = AudioReader.readInfo(clean);
        List<Path> estimates = noisy == null ? List.of(enhanced) : List.of(enhanced, noisy);
        int rate = ref.sampleRate();
        double refSeconds = ref.durationSeconds();
        if (streamable(ref, estimates)) {
            QualityMetrics.AlignedScores[] scored = streamScores(ref, estimates);
            e = scored[0];
            n = noisy == null ? null : scored[1];
        } else {
            Signal reference = AudioReader.readMono(clean, ChannelSelection.mixDown());
            e = score(reference, AudioReader.readMono(enhanced, ChannelSelection.mixDown()), enhanced);
            if (noisy != null) {
                n = score(reference, AudioReader.readMono(noisy, ChannelSelection.mixDown()), noisy);
            }
        }
        e.notes().forEach(x -> notes.add("enhanced: " + x));
        if (n != null) {
            n.notes().forEach(x -> notes.add("noisy: " + x));
        }
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("clean", clean.toString());
            root.put("enhanced_file", enhanced.toString());
            root.put("sample_rate", rate);
            root.set("enhanced", toJson(e.scores()));
            if (n != null) {
                root.put("noisy_file", noisy.toString());
                root.set("noisy", toJson(n.scores()));
                root.set("delta", toJson(e.scores().minus(n.scores())));
            }
            root.set("notes", Json.mapper().valueToTree(notes));
            out.println(Json.write(root));
        } else {
            notes.forEach(x -> err.println("ncw: note: " + x));
            out.printf(Locale.ROOT, "reference %s (%d Hz, %.3f s)%n", clean, rate, refSeconds);
            out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7s %7s%n", "", "SNR dB", "segSNR dB", "SI-SDR dB", "STOI",
                    "ESTOI");
            row(out, "enhanced", e.scores(), false);
            if (n != null) {
                row(out, "noisy", n.scores(), false);
                row(out, "delta", e.scores().minus(n.scores()), true);
            }
        }
        out.flush();
        err.flush();
        return 0;
    }

    /** Chunk of {@link QualityAccumulator}: files up to this are scored whole; STOI is averaged over chunks. */
    static final int CHUNK_SECONDS = 60;

    /** WAV files at the reference's rate are read block by block; anything else is read whole (and resampled). */
    private static boolean streamable(org.ncw.engine.audio.AudioFileInfo ref, List<Path> estimates)
            throws java.io.IOException {
        if (ref.container() != org.ncw.engine.audio.AudioContainer.WAV || ref.frames() == 0) {
            return false;
        }
        for (Path p : estimates) {
            org.ncw.engine.audio.AudioFileInfo info = AudioReader.readInfo(p);
            if (info.container() != org.ncw.engine.audio.AudioContainer.WAV
                    || info.sampleRate() != ref.sampleRate() || info.frames() == 0) {
                return false;
            }
        }
        return true;
    }

    /** Streams the reference and every estimate together, scoring each over the common length. */
    private QualityMetrics.AlignedScores[] streamScores(org.ncw.engine.audio.AudioFileInfo ref, List<Path> estimates)
            throws Exception {
        int rate = ref.sampleRate();
        List<java.io.InputStream> open = new ArrayList<>();
        try {
            org.ncw.engine.audio.WavStreamReader refReader = openStream(clean, open);
            int k = estimates.size();
            org.ncw.engine.audio.WavStreamReader[] readers = new org.ncw.engine.audio.WavStreamReader[k];
            org.ncw.engine.metrics.QualityAccumulator[] acc = new org.ncw.engine.metrics.QualityAccumulator[k];
            long[] frames = new long[k];
            for (int i = 0; i < k; i++) {
                readers[i] = openStream(estimates.get(i), open);
                acc[i] = new org.ncw.engine.metrics.QualityAccumulator(rate, CHUNK_SECONDS * rate);
                frames[i] = AudioReader.readInfo(estimates.get(i)).frames();
            }
            int block = 4096;
            double[] r = new double[block];
            double[][] est = new double[k][block];
            boolean[] ended = new boolean[k];
            while (true) {
                int got = fill(refReader, r, block);
                if (got <= 0) {
                    break;
                }
                boolean any = false;
                for (int i = 0; i < k; i++) {
                    if (ended[i]) {
                        continue;
                    }
                    int g = fill(readers[i], est[i], got);
                    if (g > 0) {
                        acc[i].add(r, 0, est[i], 0, g);
                        any = true;
                    }
                    ended[i] = g < got;
                }
                if (!any) {
                    break;
                }
            }
            QualityMetrics.AlignedScores[] out = new QualityMetrics.AlignedScores[k];
            for (int i = 0; i < k; i++) {
                List<String> notes = new ArrayList<>();
                long common = acc[i].samples();
                if (ref.frames() != frames[i]) {
                    notes.add(String.format(Locale.ROOT, "lengths differ (reference %.3f s, estimate %.3f s): scored"
                            + " over the common %.3f s", ref.durationSeconds(), frames[i] / (double) rate,
                            common / (double) rate));
                }
                if (common > (long) CHUNK_SECONDS * rate) {
                    notes.add(String.format(Locale.ROOT, "STOI averaged over %d chunks of %d s (read in bounded"
                            + " memory)", (common + (long) CHUNK_SECONDS * rate - 1) / ((long) CHUNK_SECONDS * rate),
                            CHUNK_SECONDS));
                }
                try {
                    out[i] = new QualityMetrics.AlignedScores(acc[i].scores(), (int) Math.min(Integer.MAX_VALUE,
                            common), notes);
                } catch (org.ncw.engine.core.InvalidParameterException ex) {
                    throw ex;
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(clean + " vs " + estimates.get(i) + ": " + ex.getMessage(), ex);
                }
            }
            return out;
        } finally {
            for (java.io.InputStream in : open) {
                in.close();
            }
        }
    }

    private static org.ncw.engine.audio.WavStreamReader openStream(Path p, List<java.io.InputStream> open)
            throws java.io.IOException {
        java.io.InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(p), 1 << 16);
        open.add(in);
        return org.ncw.engine.audio.WavStreamReader.open(in, p);
    }

    /** Reads up to {@code n} mono samples (fewer only at the end). */
    private static int fill(org.ncw.engine.audio.WavStreamReader reader, double[] dst, int n)
            throws java.io.IOException {
        int got = 0;
        while (got < n) {
            int k = reader.read(dst, got, n - got, ChannelSelection.mixDown());
            if (k < 0) {
                break;
            }
            got += k;
        }
        return got;
    }

    /** Scores one estimate; a reference or estimate the metrics cannot use is reported with both file names. */
    private QualityMetrics.AlignedScores score(Signal reference, Signal estimate, Path estimateFile) {
        try {
            return QualityMetrics.scoreAligned(reference, estimate);
        } catch (org.ncw.engine.core.InvalidParameterException ex) {
            throw ex;
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(clean + " vs " + estimateFile + ": " + ex.getMessage(), ex);
        }
    }

    private static void row(PrintWriter out, String label, QualityScores s, boolean signed) {
        out.printf(Locale.ROOT, "%-10s %s %s %s %s %s%n", label, number(s.snrDb(), 9, 2, signed),
                number(s.segmentalSnrDb(), 9, 2, signed), number(s.siSdrDb(), 9, 2, signed),
                number(s.stoi(), 7, 3, signed), number(s.estoi(), 7, 3, signed));
    }

    /** A score, or -inf/+inf (a silent estimate has SI-SDR -inf) instead of Java's "-Infinity". */
    private static String number(double v, int width, int decimals, boolean signed) {
        String text = Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : Double.isNaN(v) ? "n/a"
                : String.format(Locale.ROOT, "%" + (signed ? "+" : "") + "." + decimals + "f", v);
        return String.format(Locale.ROOT, "%" + width + "s", text);
    }

    /** JSON has no infinity or NaN: such a score is null. */
    private static void put(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static ObjectNode toJson(QualityScores s) {
        ObjectNode o = Json.mapper().createObjectNode();
        put(o, "snr_db", s.snrDb());
        put(o, "seg_snr_db", s.segmentalSnrDb());
        put(o, "si_sdr_db", s.siSdrDb());
        put(o, "stoi", s.stoi());
        put(o, "estoi", s.estoi());
        return o;
    }
}
