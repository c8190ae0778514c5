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
        Signal reference = AudioReader.readMono(clean, ChannelSelection.mixDown());
        List<String> notes = new ArrayList<>();
        QualityMetrics.AlignedScores e = score(reference, AudioReader.readMono(enhanced,
                ChannelSelection.mixDown()), enhanced);
        e.notes().forEach(n -> notes.add("enhanced: " + n));
        QualityMetrics.AlignedScores n = null;
        if (noisy != null) {
            n = score(reference, AudioReader.readMono(noisy, ChannelSelection.mixDown()), noisy);
            n.notes().forEach(x -> notes.add("noisy: " + x));
        }
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("clean", clean.toString());
            root.put("enhanced_file", enhanced.toString());
            root.put("sample_rate", reference.sampleRate());
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
            out.printf(Locale.ROOT, "reference %s (%d Hz, %.3f s)%n", clean, reference.sampleRate(),
                    reference.durationSeconds());
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
