package org.ncw.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ncw bench --memory 1,10,60}: peak memory of every command on long recordings. Writes synthetic 16 kHz mono
 * files of the given minutes ({@link LongRecording}, streamed to a temporary folder), runs each command and denoise
 * method in a child JVM ({@code java -Xmx512m -jar ncw.jar ...}, niced) and reports per run: the exit code, wall
 * time, peak heap (the largest heap in use before a GC or at exit, from the child's {@code -Xlog:gc}, so any jar can
 * be measured, e.g. an older build with {@code --jar}), peak RSS ({@code VmHWM} of {@code /proc/PID/status}, polled)
 * and heap bytes per input sample.
 */
public final class MemoryBench {
    /** One run: a label and the command line after {@code ncw}; {@code IN}/{@code OUT} are replaced. */
    record Run(String label, List<String> args) {
    }

    /** What one child JVM measured. */
    public record Result(String label, double minutes, int exitCode, double seconds, long peakHeapBytes,
                         long peakRssBytes, long samples, String lastLine) {
        public double heapBytesPerSample() {
            return peakHeapBytes / (double) samples;
        }
    }

    private static final Pattern BEFORE_GC = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final Pattern EXIT_USED = Pattern.compile("used (\\d+)K");

    private final Path jar;
    private final String heap;
    private final Path work;

    public MemoryBench(Path jar, String heap, Path work) {
        this.jar = jar;
        this.heap = heap;
        this.work = work;
    }

    static List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        runs.add(new Run("info", List.of("info", "IN")));
        runs.add(new Run("spectrogram", List.of("spectrogram", "IN", "--png", "OUT.png", "--force")));
        runs.add(new Run("table (low)", List.of("table", "IN", "-o", "OUT.tsv", "--force")));
        for (String m : List.of("blind-denoiser", "production:default", "streaming", "ica(noisy+production)",
                "cluster:column/matrix/strict")) {
            runs.add(new Run("denoise " + m, List.of("denoise", "IN", "-o", "OUT.wav", "--method", m, "--force")));
        }
        runs.add(new Run("evaluate", List.of("evaluate", "--clean", "IN", "--enhanced", "DENOISED")));
        runs.add(new Run("cluster", List.of("cluster", "IN", "-o", "OUT.cluster", "--force")));
        return runs;
    }

    /** Runs every case matching {@code filter} on a file of each length; prints a Markdown table as it goes. */
    public List<Result> run(List<Double> minutes, Pattern filter, PrintWriter out) throws IOException,
            InterruptedException {
        Files.createDirectories(work);
        List<Result> results = new ArrayList<>();
        out.printf("jar %s, heap %s, work folder %s%n%n", jar, heap, work);
        out.println("| minutes | run | exit | wall s | peak heap MiB | peak RSS MiB | heap B/sample |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        out.flush();
        for (double m : minutes) {
            Path in = work.resolve("long-" + minutes(m) + "min.wav");
            if (!Files.exists(in)) {
                LongRecording.write(in, m * 60, 16000, 1, 1);
            }
            long samples = Math.round(m * 60 * 16000);
            Path denoised = work.resolve("denoised-" + minutes(m) + "min.wav");
            for (Run run : runs()) {
                if (!filter.matcher(run.label()).find()) {
                    continue;
                }
                String stem = work.resolve(run.label().replaceAll("[^A-Za-z0-9]+", "_") + "-" + minutes(m)).toString();
                List<String> args = new ArrayList<>();
                for (String a : run.args()) {
                    args.add(a.equals("IN") ? in.toString() : a.equals("DENOISED") ? denoised.toString()
                            : a.startsWith("OUT") ? stem + a.substring(3) : a);
                }
                if (run.label().equals("evaluate") && !Files.exists(denoised)) {
                    continue;
                }
                Result r = child(run.label(), m, samples, args);
                if (run.label().equals("denoise blind-denoiser") && r.exitCode() == 0) {
                    Files.move(Path.of(stem + ".wav"), denoised, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                results.add(r);
                out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.0f | %.0f | %.1f |%s%n", minutes(m), r.label(),
                        r.exitCode(), r.seconds(), r.peakHeapBytes() / 1048576.0, r.peakRssBytes() / 1048576.0,
                        r.heapBytesPerSample(), r.exitCode() == 0 ? "" : " " + r.lastLine());
                out.flush();
                for (String suffix : List.of(".png", ".tsv", ".wav", ".residue.wav")) {
                    Files.deleteIfExists(Path.of(stem + suffix));
                }
            }
        }
        return results;
    }

    private static String minutes(double m) {
        return m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m);
    }

    private Result child(String label, double minutes, long samples, List<String> args) throws IOException,
            InterruptedException {
        Path gcLog = Files.createTempFile(work, "gc", ".log");
        Path log = Files.createTempFile(work, "out", ".log");
        List<String> cmd = new ArrayList<>(List.of("nice", "-n", "10", Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-Xmx" + heap, "-Xlog:gc,gc+heap+exit:file=" + gcLog, "-jar",
                jar.toString()));
        cmd.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long rss = 0;
        while (!p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            rss = Math.max(rss, vmHwm(p));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = BEFORE_GC.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)) << 20);
            }
            Matcher u = EXIT_USED.matcher(line);
            if (line.contains("garbage-first heap") && u.find()) {
                peak = Math.max(peak, Long.parseLong(u.group(1)) << 10);
            }
        }
        List<String> lines = Files.readAllLines(log);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Files.deleteIfExists(gcLog);
        Files.deleteIfExists(log);
        return new Result(label, minutes, p.exitValue(), seconds, peak, rss, samples,
                last.length() > 160 ? last.substring(0, 160) + "..." : last);
    }

    /** The child's peak resident set (kB in /proc/PID/status, VmHWM), or 0 where there is no /proc. */
    private static long vmHwm(Process p) {
        // the child is nice's exec'd java: the same pid
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
