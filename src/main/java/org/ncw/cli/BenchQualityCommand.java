package org.ncw.cli;

import org.ncw.engine.core.Json;
import org.ncw.engine.denoise.DenoisingMethod;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.engine.evaluation.EvaluationSet;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.evaluation.QualityBenchmark;
import org.ncw.engine.evaluation.QualityGroups;
import org.ncw.engine.evaluation.ReferenceScores;
import org.ncw.render.QualityChart;
import org.ncw.render.QualityGroupsChart;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ncw bench-quality DIR}: every denoising method over an evaluation set, scored with SI-SDR, STOI and ESTOI,
 * beside the set's reference peers.
 */
@Command(name = "bench-quality", mixinStandardHelpOptions = true,
        description = {"Score every denoising method on an evaluation set (SI-SDR, STOI, ESTOI, runtime).",
                "Runs each method with its documented defaults, blind (no method sees the clean reference), over an "
                        + "evaluation set in the index.json format and prints mean SI-SDR, \u0394SI-SDR, STOI, "
                        + "\u0394STOI, ESTOI, \u0394ESTOI, runtime and real-time factor per method, overall, per "
                        + "noise category, per SNR and per noise type. When the set has reference_scores.json, the "
                        + "peers' means on the same files are printed beside ours as [ref] rows (with \u0394PESQ).",
                "Writes PREFIX.csv (per file), PREFIX.json (everything), PREFIX.png (bar chart), "
                        + "PREFIX.groups.csv/.json/.png (per category and SNR, with the peers)."})
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

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
            description = "Mixtures processed at once (default: ${DEFAULT-VALUE}); the results are the same as with "
                    + "one, only the timings differ.")
    int jobs;

    @Option(names = "--save-outputs", paramLabel = "DIR",
            description = "Also write each method's output as DIR/METHOD/STEM.wav (METHOD with ':' '/' '(' ... "
                    + "replaced by '-'; not for unprocessed), e.g. for shared/tools/score SET DIR/METHOD.")
    Path saveOutputs;

    @Option(names = "--float", description = "With --save-outputs: 32-bit float WAVs (default 16-bit PCM).")
    boolean saveFloat;

    @Option(names = "--force", description = "Replace existing PREFIX.* files (and saved outputs).")
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
        if (jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--jobs must be at least 1, got " + jobs);
        }
        List<DenoisingMethod> chosen = selected.stream().map(m -> m.bound(experiment)).toList();
        Path csv = Path.of(out + ".csv");
        Path json = Path.of(out + ".json");
        Path png = Path.of(out + ".png");
        Path groupsCsv = Path.of(out + ".groups.csv");
        Path groupsJson = Path.of(out + ".groups.json");
        Path groupsPng = Path.of(out + ".groups.png");
        List<Path> targets = List.of(csv, json, png, groupsCsv, groupsJson, groupsPng);
        // an existing output shows before the set is read; then the set's files are inputs: neither the tables
        // nor a saved output may replace one
        List<Path> inputs = new ArrayList<>(List.of(dir.resolve("index.json"), dir.resolve(ReferenceScores.FILE)));
        org.ncw.engine.io.WriteMode mode = null;
        for (Path p : targets) {
            mode = OutputPaths.check(p, force, org.ncw.engine.io.OutputGuard.protecting(inputs));
        }
        EvaluationSet set = EvaluationSet.load(dir).split(split);
        set.items().forEach(i -> {
            inputs.add(i.noisy());
            inputs.add(i.clean());
        });
        org.ncw.engine.io.OutputGuard guard = org.ncw.engine.io.OutputGuard.protecting(inputs);
        Optional<ReferenceScores> reference = ReferenceScores.load(dir);
        SavedOutputs saved = saveOutputs == null ? null : SavedOutputs.prepare(saveOutputs, set, chosen, force, guard,
                saveFloat ? SampleFormat.FLOAT32 : SampleFormat.PCM16);
        PrintWriter err = spec.commandLine().getErr();
        Path parent = csv.toAbsolutePath().getParent();
        if (parent != null) {
            OutputPaths.createDirectory(parent, "-o");
        }
        // the table files appear together or none does; an output problem shows before the work
        try (org.ncw.engine.io.OutputSet outputs = org.ncw.engine.io.OutputSet.reserve(mode, guard, targets)) {
            run(set, reference, chosen, saved, outputs, targets);
        }
        err.flush();
        return 0;
    }

    /**
     * The per-file outputs of {@code --save-outputs}: DIR/METHOD/STEM.wav, every path checked (and the folders
     * made) before the run; each file written atomically when its method returns, so a file is whole or absent.
     */
    static final class SavedOutputs implements QualityBenchmark.OutputSink {
        private final Map<String, Path> folders;
        private final org.ncw.engine.io.WriteMode mode;
        private final org.ncw.engine.io.OutputGuard guard;
        private final SampleFormat format;
        private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

        private SavedOutputs(Map<String, Path> folders, org.ncw.engine.io.WriteMode mode,
                             org.ncw.engine.io.OutputGuard guard, SampleFormat format) {
            this.folders = folders;
            this.mode = mode;
            this.guard = guard;
            this.format = format;
        }

        static SavedOutputs prepare(Path root, EvaluationSet set, List<DenoisingMethod> methods, boolean force,
                                    org.ncw.engine.io.OutputGuard guard, SampleFormat format) throws IOException {
            Map<String, Path> folders = new LinkedHashMap<>();
            Map<String, String> byFolder = new LinkedHashMap<>();
            for (DenoisingMethod m : methods) {
                if (m.name().equals(Methods.unprocessed().name())) {
                    continue;
                }
                String folder = folderName(m.name());
                String other = byFolder.putIfAbsent(folder, m.name());
                if (other != null) {
                    throw new IllegalArgumentException("--save-outputs: methods '" + other + "' and '" + m.name()
                            + "' would share the folder " + folder);
                }
                folders.put(m.name(), root.resolve(folder));
            }
            org.ncw.engine.io.WriteMode mode = force ? org.ncw.engine.io.WriteMode.OVERWRITE
                    : org.ncw.engine.io.WriteMode.FAIL_IF_EXISTS;
            for (Path folder : folders.values()) {
                OutputPaths.checkDirectory(folder, "--save-outputs");
                for (EvaluationSet.Item item : set.items()) {
                    OutputPaths.check(folder.resolve(item.stem() + ".wav"), force, guard);
                }
            }
            for (Path folder : folders.values()) {
                OutputPaths.createDirectory(folder, "--save-outputs");
            }
            return new SavedOutputs(folders, mode, guard, format);
        }

        /** A method's name as a folder name: letters, digits, '.', '_' and '-' kept, runs of others as one '-'. */
        static String folderName(String method) {
            String s = method.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "");
            return s.isEmpty() || s.equals(".") || s.equals("..") ? "method" : s;
        }

        @Override
        public void accept(EvaluationSet.Item item, String method, org.ncw.engine.core.Signal output)
                throws IOException {
            Path folder = folders.get(method);
            if (folder != null) {
                AudioWriter.write(output, folder.resolve(item.stem() + ".wav"), format, mode, guard);
                written.incrementAndGet();
            }
        }

        int written() {
            return written.get();
        }

        java.util.Collection<Path> folders() {
            return folders.values();
        }
    }

    private void run(EvaluationSet set, Optional<ReferenceScores> reference, List<DenoisingMethod> chosen,
                     SavedOutputs saved, org.ncw.engine.io.OutputSet outputs, List<Path> targets) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        QualityBenchmark.Result result;
        try (TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr()).withTimes()) {
            result = QualityBenchmark.fit(set, chosen, jobs, saved, progress.monitor());
        }
        List<ReferenceScores.Summary> peers = reference.map(r -> r.overall(set)).orElse(List.of()).stream()
                .filter(p -> p.count() > 0).toList();
        List<QualityGroups.Mean> groups = QualityGroups.of(result, set, reference);

        o.printf("Quality benchmark: %d mixtures in %s%s, %d methods%s%n", set.items().size(), dir,
                split.equals("all") ? "" : " (" + split + " half)", chosen.size(),
                peers.isEmpty() ? "" : "; [ref] rows: peers' scores of the same files from "
                        + reference.get().file().getFileName() + " (not run here)");
        printOverall(o, result.overall(), peers);
        printGroups(o, "Per noise category (mean deltas against the noisy input)", groups, "category");
        printGroups(o, "Per SNR (mean deltas against the noisy input)", groups, "snr");
        printTable(o, "Per noise type", result.perNoise());

        outputs.writeText(targets.get(0), QualityBenchmark.toCsv(result));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("set", dir.toString());
        doc.put("split", split);
        doc.put("overall", result.overall());
        doc.put("per_category", result.perCategory());
        doc.put("per_snr", result.perSnr());
        doc.put("per_noise", result.perNoise());
        if (reference.isPresent()) {
            doc.put("reference_file", reference.get().file().toString());
            doc.put("reference_overall", peers);
        }
        doc.put("rows", result.rows());
        outputs.writeText(targets.get(1), Json.write(doc));
        outputs.write(targets.get(2), org.ncw.render.SpectrogramRenderer.png(QualityChart.render(result.overall(),
                "Quality benchmark: " + set.items().size() + " mixtures of " + dir.getFileName())));
        outputs.writeText(targets.get(3), QualityGroups.toCsv(groups));
        Map<String, Object> groupsDoc = new LinkedHashMap<>();
        groupsDoc.put("set", dir.toString());
        groupsDoc.put("split", split);
        groupsDoc.put("reference_file", reference.map(r -> r.file().toString()).orElse(null));
        groupsDoc.putAll(QualityGroups.byKind(groups));
        outputs.writeText(targets.get(4), Json.write(groupsDoc));
        outputs.write(targets.get(5), org.ncw.render.SpectrogramRenderer.png(QualityGroupsChart.render(groups.stream()
                .filter(m -> !isUnprocessed(m)).toList(),
                "Mean improvement per noise category and SNR: " + set.items().size() + " mixtures of "
                        + dir.getFileName() + (split.equals("all") ? "" : " (" + split + ")"))));
        outputs.commit();
        o.printf("wrote %s%n", targets.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")));
        if (saved != null) {
            o.printf("saved %d outputs in %s%n", saved.written(), saved.folders().stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    private static String num(double v, String format, int width) {
        return String.format(Locale.ROOT, "%" + width + "s", Double.isFinite(v)
                ? String.format(Locale.ROOT, format, v) : "\u2013");
    }

    private static void printOverall(PrintWriter o, List<QualityBenchmark.Summary> rows,
                                     List<ReferenceScores.Summary> peers) {
        o.println();
        o.println("Overall (means over all mixtures)");
        o.printf(Locale.ROOT, "%-34s %3s %8s %8s %7s %7s %7s %7s %6s %9s %7s%n", "method", "n", "SI-SDR",
                "\u0394SI-SDR", "STOI", "\u0394STOI", "ESTOI", "\u0394ESTOI", "\u0394PESQ", "time s", "RTF");
        for (QualityBenchmark.Summary s : rows) {
            if (s.count() == 0) {
                o.printf(Locale.ROOT, "%-34s %3d   failed: %s%n", s.method(), s.count(), s.firstError());
                continue;
            }
            o.printf(Locale.ROOT, "%-34s %3d %s %s %s %s %s %s %s %9.2f %7.4f%n", s.method(), s.count(),
                    num(s.siSdr(), "%.2f", 8), num(s.deltaSiSdr(), "%+.2f", 8), num(s.stoi(), "%.3f", 7),
                    num(s.deltaStoi(), "%+.3f", 7), num(s.estoi(), "%.3f", 7), num(s.deltaEstoi(), "%+.3f", 7),
                    num(Double.NaN, "", 6), s.seconds(), s.realTimeFactor());
            if (s.failures() > 0) {
                o.printf(Locale.ROOT, "%-34s   (%d failed: %s)%n", "", s.failures(), s.firstError());
            }
        }
        for (ReferenceScores.Summary p : peers) {
            o.printf(Locale.ROOT, "%-34s %3d %s %s %s %s %s %s %s%n", "[ref] " + p.method(), p.count(),
                    num(p.siSdr(), "%.2f", 8), num(p.deltaSiSdr(), "%+.2f", 8), num(p.stoi(), "%.3f", 7),
                    num(p.deltaStoi(), "%+.3f", 7), num(p.estoi(), "%.3f", 7), num(p.deltaEstoi(), "%+.3f", 7),
                    num(p.deltaPesq(), "%+.2f", 6));
        }
    }

    private static void printGroups(PrintWriter o, String title, List<QualityGroups.Mean> groups, String kind) {
        o.println();
        o.println(title);
        o.printf(Locale.ROOT, "%-14s %-34s %3s %8s %7s %7s %6s%n", "group", "method", "n", "\u0394SI-SDR",
                "\u0394STOI", "\u0394ESTOI", "\u0394PESQ");
        String last = null;
        for (QualityGroups.Mean m : groups) {
            if (!m.kind().equals(kind) || isUnprocessed(m)) {
                continue; // the unprocessed input's deltas are 0 by definition (it stays in the CSV and JSON)
            }
            boolean first = !m.group().equals(last);
            last = m.group();
            if (m.count() == 0) {
                o.printf(Locale.ROOT, "%-14s %-34s %3d   failed%n", first ? m.group() : "", m.method(), 0);
                continue;
            }
            o.printf(Locale.ROOT, "%-14s %-34s %3d %s %s %s %s%n", first ? m.group() : "",
                    (m.reference() ? "[ref] " : "") + m.method(), m.count(), num(m.deltaSiSdr(), "%+.2f", 8),
                    num(m.deltaStoi(), "%+.3f", 7), num(m.deltaEstoi(), "%+.3f", 7), num(m.deltaPesq(), "%+.2f", 6));
        }
    }

    private static boolean isUnprocessed(QualityGroups.Mean m) {
        return !m.reference() && m.method().equals(Methods.unprocessed().name());
    }

    private static void printTable(PrintWriter o, String title, List<QualityBenchmark.Summary> rows) {
        o.println();
        o.println(title);
        int width = Math.max(8, rows.stream().mapToInt(s -> s.group().length()).max().orElse(0));
        String group = "%-" + width + "s";
        o.printf(Locale.ROOT, "%-34s " + group + " %3s %8s %8s %7s %7s %7s %7s%n", "method", "group", "n", "SI-SDR",
                "\u0394SI-SDR", "STOI", "\u0394STOI", "ESTOI", "\u0394ESTOI");
        for (QualityBenchmark.Summary s : rows) {
            if (s.count() == 0) {
                o.printf(Locale.ROOT, "%-34s " + group + " %3d   failed: %s%n", s.method(), s.group(), s.count(),
                        s.firstError());
                continue;
            }
            o.printf(Locale.ROOT, "%-34s " + group + " %3d %8.2f %+8.2f %7.3f %+7.3f %7.3f %+7.3f%n", s.method(),
                    s.group(), s.count(), s.siSdr(), s.deltaSiSdr(), s.stoi(), s.deltaStoi(), s.estoi(),
                    s.deltaEstoi());
            if (s.failures() > 0) {
                o.printf(Locale.ROOT, "%-34s   (%d failed: %s)%n", "", s.failures(), s.firstError());
            }
        }
    }
}
