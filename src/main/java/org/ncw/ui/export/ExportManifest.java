package org.ncw.ui.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.Stage;

/**
 * {@code manifest.json}: what an export came from and what it holds, so a folder can be traced back to its
 * recording: input and clean reference (path and SHA-256), app version, time, every result with its scores and
 * runtime, the stage timings of the run, and every file written with its size.
 */
public final class ExportManifest {
    public static final String FILE = "manifest.json";

    private ExportManifest() {
    }

    /** The manifest as ordered maps (what {@code Json.write} turns into the file). */
    public static Map<String, Object> describe(String appVersion, Path input, Path reference, AnalysisResult run,
                                               List<Output> outputs, List<Path> files) throws IOException {
        return describe(appVersion, input, reference, run, outputs, files, Files::size);
    }

    /** The size of a file the manifest lists (one still pending in an output set has no size on disk yet). */
    @FunctionalInterface
    public interface FileSize {
        long of(Path file) throws IOException;
    }

    /** As above, with the files' sizes from {@code size}. */
    public static Map<String, Object> describe(String appVersion, Path input, Path reference, AnalysisResult run,
                                               List<Output> outputs, List<Path> files, FileSize size)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app", "Noise Clustering Workbench");
        m.put("appVersion", appVersion);
        m.put("exportedAt", Instant.now().toString());
        m.put("input", fileEntry(input));
        m.put("cleanReference", reference == null ? null : fileEntry(reference));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Output o : outputs) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", o.name());
            r.put("file", o.fileStem() + ".wav");
            r.put("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT));
            r.put("settings", o.settings());
            r.put("runtimeSeconds", o.runtimeSeconds());
            r.put("siSdrDb", finiteOrNull(o.siSdr()));
            r.put("stoi", finiteOrNull(o.stoi()));
            r.put("estoi", finiteOrNull(o.estoi()));
            results.add(r);
        }
        m.put("results", results);
        Map<String, Object> timings = new LinkedHashMap<>();
        if (run != null) {
            for (Map.Entry<Stage, Double> e : run.stageSeconds().entrySet()) {
                timings.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue());
            }
        }
        m.put("stageSeconds", timings);
        List<Map<String, Object>> written = new ArrayList<>();
        for (Path f : files) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("file", f.getFileName().toString());
            e.put("bytes", size.of(f));
            written.add(e);
        }
        m.put("files", written);
        return m;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> fileEntry(Path p) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", p == null ? null : p.toAbsolutePath().normalize().toString());
        e.put("sha256", p == null || !Files.isRegularFile(p) ? null : sha256(p));
        return e;
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
