package org.ncw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.audio.WriteReport;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.ica.AlignedPair;
import org.ncw.engine.ica.FastIcaResult;
import org.ncw.engine.ica.IcaBatch;
import org.ncw.engine.ica.PairSeparation;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.ica.PairSeparationResult;
import org.ncw.engine.ica.SpeechRanking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ncw ica A.wav B.wav -o DIR}: FastICA on one pair, speech output first. */
@Command(name = "ica", mixinStandardHelpOptions = true,
        description = {"Separate a pair of signals with FastICA into a speech and a noise output.",
                "The inputs can be any two versions of one recording (original, production-filtered, clustered "
                        + "speech or noise, or an earlier ICA output: chain by passing an output back in). They are "
                        + "resampled to the lower rate and cut to the shorter length. Writes DIR/NAME.speech.wav, "
                        + "DIR/NAME.noise.wav and DIR/NAME.json (run report)."})
public final class IcaCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Mixin
    IcaOptionsMixin ica;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "First input (WAV, AIFF or AU).")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "Second input.")
    Path second;

    @Option(names = {"-o", "--out", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path outputDir;

    @Option(names = "--name", paramLabel = "NAME", description = "Base name of the outputs (default: STEM-A__STEM-B).")
    String name;

    @Option(names = "--json", description = "Print the run report as JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PairSeparationOptions options = ica.toOptions();
        String base = name != null ? name : stem(first) + "__" + stem(second);
        OutputGuard guard = OutputGuard.protecting(inputs());
        Path speechFile = outputDir.resolve(base + ".speech.wav");
        Path noiseFile = outputDir.resolve(base + ".noise.wav");
        Path reportFile = outputDir.resolve(base + ".json");
        OutputPaths.checkDirectory(outputDir, "-o");
        for (Path p : List.of(speechFile, noiseFile, reportFile)) {
            OutputPaths.check(p, ica.overwrite, guard);
        }
        MemoryBudget.ICA.check(first, second);
        Signal a = AudioReader.readMono(first, ica.channel());
        Signal b = AudioReader.readMono(second, ica.channel());
        Signal reference = ica.reference == null ? null : AudioReader.readMono(ica.reference, ica.channel());
        Signal clean = ica.clean == null ? null : AudioReader.readMono(ica.clean, ica.channel());
        OutputPaths.createDirectory(outputDir, "-o");
        // the three files appear together or none does; an output problem shows before the work
        try (OutputSet outputs = OutputSet.reserve(ica.writeMode(), guard, speechFile, noiseFile, reportFile)) {
            return separate(a, b, reference, clean, options, outputs, speechFile, noiseFile, reportFile);
        }
    }

    private int separate(Signal a, Signal b, Signal reference, Signal clean, PairSeparationOptions options,
                         OutputSet outputs, Path speechFile, Path noiseFile, Path reportFile) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        AlignedPair pair;
        PairSeparationResult res;
        try {
            pair = AlignedPair.align(a, b, reference, TaskMonitor.none());
            res = PairSeparation.fit(pair, options, TaskMonitor.none());
        } catch (org.ncw.engine.core.InvalidParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a problem of the data (e.g. the same signal twice): say which files
            throw new IllegalArgumentException(first + " and " + second + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        WriteReport ws = AudioWriter.write(res.speech(), speechFile, ica.format(), outputs);
        WriteReport wn = AudioWriter.write(res.noise(), noiseFile, ica.format(), outputs);
        ObjectNode report = report(options, pair, res, seconds, speechFile, noiseFile);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        if (clean != null) {
            metrics.put("speech", IcaBatch.scoreAgainst(IcaBatch.SI_SDR_AND_STOI, res.speech(), clean));
            metrics.put("A", IcaBatch.scoreAgainst(IcaBatch.SI_SDR_AND_STOI, a, clean));
            metrics.put("B", IcaBatch.scoreAgainst(IcaBatch.SI_SDR_AND_STOI, b, clean));
            report.set("metrics", Json.mapper().valueToTree(metrics));
        }
        outputs.writeText(reportFile, Json.write(report) + "\n");
        outputs.commit();

        if (json) {
            out.println(Json.write(report));
        } else {
            FastIcaResult fit = res.ica();
            out.printf(Locale.ROOT, "%s + %s -> %s, %s%n", first, second, ws.path(), wn.path());
            out.printf(Locale.ROOT, "  pair: %d samples at %d Hz (%.2f s)%s%n", pair.length(), pair.sampleRate(),
                    pair.length() / (double) pair.sampleRate(),
                    pair.changes().isEmpty() ? "" : "; " + String.join("; ", pair.changes()));
            out.printf(Locale.ROOT, "  FastICA %s/%s: %s%s in %.3f s%n", options.ica().algorithm().name()
                    .toLowerCase(Locale.ROOT), options.ica().contrast().name().toLowerCase(Locale.ROOT),
                    fit.convergenceSummary(), options.restarts() > 1
                            ? " (best of " + options.restarts() + " runs by negentropy)" : "", seconds);
            out.printf(Locale.ROOT, "  speech = ICA output %d by %s (%.3f vs %.3f %s)%n", res.speechComponent() + 1,
                    res.rule().name().toLowerCase(Locale.ROOT), res.speechScore(), res.noiseScore(),
                    scoreUnit(res.rule()));
            for (Map.Entry<String, Map<String, Double>> e : metrics.entrySet()) {
                out.printf(Locale.ROOT, "  %-6s vs clean: SI-SDR %6.2f dB, STOI %.3f%n", e.getKey(),
                        e.getValue().get("si_sdr_db"), e.getValue().get("stoi"));
            }
        }
        if (!res.ica().converged()) {
            spec.commandLine().getErr().println("ncw: warning: FastICA " + res.ica().convergenceSummary()
                    + "; the outputs were written anyway (raise --max-iter or --tol)");
        }
        return 0;
    }

    private List<Path> inputs() {
        List<Path> in = new ArrayList<>(List.of(first, second));
        if (ica.reference != null) {
            in.add(ica.reference);
        }
        if (ica.clean != null) {
            in.add(ica.clean);
        }
        return in;
    }

    static ObjectNode report(PairSeparationOptions options, AlignedPair pair, PairSeparationResult res,
                             double seconds, Path speechFile, Path noiseFile) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.set("options", Json.mapper().valueToTree(options));
        n.put("sampleRate", pair.sampleRate());
        n.put("samples", pair.length());
        n.set("alignment", Json.mapper().valueToTree(pair.changes()));
        FastIcaResult fit = res.ica();
        n.put("iterations", fit.iterations());
        n.put("converged", fit.converged());
        n.put("lastChange", fit.lastChange());
        n.put("negentropy", res.negentropy());
        n.set("unmixing", Json.mapper().valueToTree(fit.unmixing()));
        n.set("mixing", Json.mapper().valueToTree(fit.mixing()));
        n.put("speechOutput", res.speechComponent() + 1);
        n.put("ranking", res.rule().name());
        n.put("speechScore", res.speechScore());
        n.put("noiseScore", res.noiseScore());
        n.put("speechGain", res.speechGain());
        n.put("noiseGain", res.noiseGain());
        n.put("speechFile", speechFile.toString());
        n.put("noiseFile", noiseFile.toString());
        n.put("seconds", seconds);
        return n;
    }

    static String scoreUnit(SpeechRanking rule) {
        return rule == SpeechRanking.REFERENCE ? "|r|" : "dB";
    }

    static String stem(Path p) {
        String s = p.getFileName().toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
