package org.ncw.cli;

import org.ncw.engine.core.Json;
import org.ncw.engine.core.ProgressListener;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.denoise.DenoisingMethod;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.engine.evaluation.EvaluationSet;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.render.QualityChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ncw bench-quality DIR}: every denoising method over an evaluation set, scored with SI-SDR and STOI. */
@Command(name = "bench-quality", mixinStandardHelpOptions = true,
        description = {"Score every denoising method on an evaluation set (SI-SDR, STOI, runtime).",
                "Runs each method with its documented defaults, blind (no method sees the clean reference), over an "
                        + "evaluation set in the index.json format and prints mean SI-SDR, \u0394SI-SDR, STOI, "
                        + "\u0394STOI, runtime and real-time factor per method, overall and per SNR and noise type.",
                "Writes PREFIX.csv (per file), PREFIX.json (everything) and PREFIX.png (bar chart)."})
public final class BenchQualityCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Directory with index.json, STEM.noisy.wav, STEM.clean.wav.")
    Path dir;

    @Option(names = "--methods", split = ",", paramLabel = "NAME",
            description = "Only these methods (comma-separated); default: all. Known: ${COMPLETION-CANDIDATES}",
            completionCandidates = MethodNames.class)
    List<String> methods;

    @Option(names = {"-o", "--out", "--output"}, paramLabel = "PREFIX", defaultValue = "bench-quality",
            description = "Output prefix for .csv, .json and .png (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--options", paramLabel = "experiment.json",
            description = "Run the methods with a saved experiment's settings (default: their documented defaults).")
    Path optionsFile;

    @Option(names = "--split", paramLabel = "even|odd|all", defaultValue = "all",
            description = "Only the even- or odd-numbered stems (NNN__...) of the set (default: ${DEFAULT-VALUE}): "
                    + "tune on one half, report the other.")
    String split;

    @Option(names = "--force", description = "Replace existing PREFIX.csv/.json/.png.")
    boolean force;

    @Option(names = "--list", description = "List the methods and exit.")
    boolean list;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class MethodNames extends ArrayList<String> {
        MethodNames() {
            super(Methods.names());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (list) {
            Methods.names().forEach(o::println);
            return 0;
        }
        if (dir == null) {
            throw new IllegalArgumentException("give the evaluation set directory DIR (or --list)");
        }
        WorkbenchOptions experiment = optionsFile == null ? WorkbenchOptions.defaults()
                : WorkbenchOptions.read(optionsFile);
        List<Method<?>> selected = new ArrayList<>();
        if (methods == null || methods.isEmpty()) {
            selected.addAll(Methods.all());
        } else {
            selected.add(Methods.unprocessed());
            for (String name : methods) {
                Method<?> m = Methods.resolve(name, experiment);
                if (!selected.contains(m)) {
                    selected.add(m);
                }
            }
        }
        List<DenoisingMethod> chosen = selected.stream().map(m -> m.bound(experiment)).toList();
        Path csv = Path.of(out + ".csv");
        Path json = Path.of(out + ".json");
        Path png = Path.of(out + ".png");
        org.ncw.engine.io.OutputGuard guard = org.ncw.engine.io.OutputGuard.none();
        org.ncw.engine.io.WriteMode mode = null;
        for (Path p : List.of(csv, json, png)) {
            mode = OutputPaths.check(p, force, guard);
        }
        EvaluationSet set = EvaluationSet.load(dir).split(split);
        PrintWriter err = spec.commandLine().getErr();
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            OutputPaths.createDirectory(parent, "-o");
        }
        // the three files appear together or none does; an output problem shows before the work
        try (org.ncw.engine.io.OutputSet outputs = org.ncw.engine.io.OutputSet.reserve(mode, guard, csv, json, png)) {
            run(set, chosen, outputs, csv, json, png);
        }
        err.flush();
        return 0;
    }

    private void run(EvaluationSet set, List<DenoisingMethod> chosen, org.ncw.engine.io.OutputSet outputs, Path csv,
                     Path json, Path png) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        ProgressListener progress = (fraction, stage) -> { };
        QualityBenchmark.Result result = QualityBenchmark.fit(set, chosen,
                TaskMonitor.of(progress, new CancellationToken()));

        o.printf("Quality benchmark: %d mixtures in %s, %d methods%n", set.items().size(), dir, chosen.size());
        printTable(o, "Overall (means over all mixtures)", result.overall(), true);
        printTable(o, "Per SNR", result.perSnr(), false);
        printTable(o, "Per noise type", result.perNoise(), false);

        outputs.writeText(csv, QualityBenchmark.toCsv(result));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("set", dir.toString());
        doc.put("overall", result.overall());
        doc.put("per_snr", result.perSnr());
        doc.put("per_noise", result.perNoise());
        doc.put("rows", result.rows());
        outputs.writeText(json, Json.write(doc));
        outputs.write(png, org.ncw.render.SpectrogramRenderer.png(QualityChart.render(result.overall(),
                "Quality benchmark: " + set.items().size() + " mixtures of " + dir.getFileName())));
        outputs.commit();
        o.printf("wrote %s, %s, %s%n", csv, json, png);
    }

    private static void printTable(PrintWriter o, String title, List<QualityBenchmark.Summary> rows, boolean runtime) {
        o.println();
        o.println(title);
        o.printf(Locale.ROOT, "%-34s %-8s %3s %8s %8s %7s %7s%s%n", "method", "group", "n", "SI-SDR", "\u0394SI-SDR",
                "STOI", "\u0394STOI", runtime ? "   time s     RTF" : "");
        for (QualityBenchmark.Summary s : rows) {
            if (s.count() == 0) {
                o.printf(Locale.ROOT, "%-34s %-8s %3d   failed: %s%n", s.method(), s.group(), s.count(), s.firstError());
                continue;
            }
            o.printf(Locale.ROOT, "%-34s %-8s %3d %8.2f %+8.2f %7.3f %+7.3f%s%n", s.method(), s.group(), s.count(),
                    s.siSdr(), s.deltaSiSdr(), s.stoi(), s.deltaStoi(),
                    runtime ? String.format(Locale.ROOT, " %9.2f %7.4f", s.seconds(), s.realTimeFactor()) : "");
            if (s.failures() > 0) {
                o.printf(Locale.ROOT, "%-34s   (%d failed: %s)%n", "", s.failures(), s.firstError());
            }
        }
    }
}
