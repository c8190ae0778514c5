package org.ncw.cli;

import org.ncw.bench.BenchCase;
import org.ncw.bench.BenchResult;
import org.ncw.bench.BenchRunner;
import org.ncw.bench.BenchSuite;
import org.ncw.engine.core.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the speed benchmarks in a warm JVM and print min/median/max seconds per run.")
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Option(names = "--filter", paramLabel = "REGEX", description = "Regular expression on group or workload name (default: all).")
    String filter = ".*";

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per case (default: ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--warmup", paramLabel = "N", description = "Minimum warm-up runs per case (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "Minimum warm-up time per case (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = 2.0;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--list", description = "List the cases and exit.")
    boolean list;

    @Option(names = "--memory", split = ",", paramLabel = "MINUTES",
            description = "Instead of the speed cases: peak heap/RSS and time of every command and denoise method on"
                    + " synthetic 16 kHz files of these lengths (e.g. 1,10,60), each in a child JVM (--filter picks"
                    + " runs by label).")
    List<Double> memoryMinutes;

    @Option(names = "--jar", paramLabel = "ncw.jar", description = "With --memory: the jar to measure (default: this one).")
    java.nio.file.Path jar;

    @Option(names = "--heap", paramLabel = "SIZE", description = "With --memory: the children's -Xmx (default: ${DEFAULT-VALUE}).")
    String heap = "512m";

    @Option(names = "--work", paramLabel = "DIR", description = "With --memory: where the long files go (default: a"
            + " folder ncw-memory-bench in the temporary folder; kept for reuse).")
    java.nio.file.Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (memoryMinutes != null) {
            java.nio.file.Path self = jar != null ? jar : java.nio.file.Path.of(BenchCommand.class
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
            java.nio.file.Path dir = work != null ? work
                    : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "ncw-memory-bench");
            new org.ncw.bench.MemoryBench(self, heap, dir).run(memoryMinutes,
                    Pattern.compile(filter, Pattern.CASE_INSENSITIVE), out);
            return 0;
        }
        Pattern p;
        try {
            p = Pattern.compile(filter, Pattern.CASE_INSENSITIVE);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new org.ncw.engine.core.InvalidParameterException("--filter is not a regular expression: "
                    + e.getDescription() + " in '" + filter + "'");
        }
        List<BenchCase> cases = new ArrayList<>();
        for (Supplier<BenchCase> s : BenchSuite.all()) {
            BenchCase c = s.get();
            if (p.matcher(c.group()).find() || p.matcher(c.name()).find()) {
                cases.add(c);
            }
        }
        if (list) {
            cases.forEach(c -> out.printf("%-10s %s%n", c.group(), c.name()));
            return 0;
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches --filter '" + filter + "'");
        }
        BenchRunner runner = new BenchRunner(warmup, warmupSeconds, runs);
        List<BenchResult> results = new ArrayList<>();
        if (!json) {
            out.printf("%-9s %-52s %-22s %9s %9s %9s  %-10s %s%n", "group", "workload", "size", "min s", "median s",
                    "max s", "target", "notes");
        }
        for (BenchCase c : cases) {
            BenchResult r = runner.run(c, err::println);
            results.add(r);
            if (!json) {
                out.printf(Locale.ROOT, "%-9s %-52s %-22s %9.4f %9.4f %9.4f  %-10s %s%n", r.group(), r.name(), r.size(),
                        r.minSeconds(), r.medianSeconds(), r.maxSeconds(), r.target()
                                + (Double.isNaN(r.targetSeconds()) ? "" : r.meetsTarget() ? " ok" : " MISS"),
                        r.error() == null ? r.notes() : "FAILED: " + r.error());
                out.flush();
            }
        }
        if (json) {
            out.println(Json.write(results));
        }
        return results.stream().anyMatch(r -> r.error() != null) ? 1 : 0;
    }
}
