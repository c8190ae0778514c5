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
        description = {"Score an enhanced recording against its clean reference: SNR, segmental SNR, SI-SDR and STOI",
                "(Taal 2011, pystoi-compatible). With --noisy, also the noisy input's scores and the improvement.",
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
        QualityMetrics.AlignedScores e = QualityMetrics.scoreAligned(reference, AudioReader.readMono(enhanced,
                ChannelSelection.mixDown()));
        e.notes().forEach(n -> notes.add("enhanced: " + n));
        QualityMetrics.AlignedScores n = null;
        if (noisy != null) {
            n = QualityMetrics.scoreAligned(reference, AudioReader.readMono(noisy, ChannelSelection.mixDown()));
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
            out.printf(Locale.ROOT, "%-10s %9s %9s %9s %7s%n", "", "SNR dB", "segSNR dB", "SI-SDR dB", "STOI");
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

    private static void row(PrintWriter out, String label, QualityScores s, boolean signed) {
        String f = signed ? "%-10s %+9.2f %+9.2f %+9.2f %+7.3f%n" : "%-10s %9.2f %9.2f %9.2f %7.3f%n";
        out.printf(Locale.ROOT, f, label, s.snrDb(), s.segmentalSnrDb(), s.siSdrDb(), s.stoi());
    }

    private static ObjectNode toJson(QualityScores s) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("snr_db", s.snrDb());
        o.put("seg_snr_db", s.segmentalSnrDb());
        o.put("si_sdr_db", s.siSdrDb());
        o.put("stoi", s.stoi());
        return o;
    }
}
