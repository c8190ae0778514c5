package org.ncw.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.workbench.RunRecord;
import org.ncw.engine.workbench.WorkbenchOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep's leaderboard read back, for a front end that shows its rows and loads one as a run: {@code
 * leaderboard.json} (the ranking, each setting with the experiment of its runs and the files it ran on), {@code
 * summary.csv} (the ranking) or {@code leaderboard.csv} (one row per run). The CSV files hold only the swept
 * fields' values; the experiment comes from the sweep's {@code grid.json} in the same folder, and without it
 * {@link Row#experimentOver} applies the swept values to another experiment (the way the grid did to its base).
 */
public final class LeaderboardFile {
    /**
     * One row: a setting (ranked) or one run of it.
     *
     * @param files      the recordings it ran on (empty when the file does not say)
     * @param experiment every setting of the row; null when only the swept values are known
     */
    public record Row(int rank, String setting, Map<String, Object> values, String method, List<String> files,
                      double siSdr, double stoi, double seconds, double degeneratePercent, int warnings,
                      String error, WorkbenchOptions experiment) {
        public Row {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            files = List.copyOf(files);
            error = error == null ? "" : error;
        }

        /** The row's experiment; without one, {@code base} with the row's swept values applied. */
        public WorkbenchOptions experimentOver(WorkbenchOptions base) {
            if (experiment != null) {
                return experiment;
            }
            Map<String, List<Object>> fields = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (!k.equals(SweepGrid.METHOD)) {
                    fields.put(k, List.of(v));
                }
            });
            return fields.isEmpty() ? base : new SweepGrid(base, fields).settings().get(0).experiment();
        }

        /** The swept values as {@code field=value ...}. */
        public String label() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    private LeaderboardFile() {
    }

    /** Reads a leaderboard JSON or CSV file; a problem is one line naming the file. */
    public static List<Row> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidParameterException(file + ": no such leaderboard file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                return fromJson(text);
            }
            return fromCsv(text, gridNextTo(file));
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException(name + ": " + e.getMessage());
        }
    }

    private static SweepGrid gridNextTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path grid = dir == null ? null : dir.resolve("grid.json");
        return grid != null && Files.isRegularFile(grid) ? SweepGrid.read(grid) : null;
    }

    /** The ranking of a {@code leaderboard.json}, each setting with its runs' experiment and files. */
    public static List<Row> fromJson(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new InvalidParameterException("not a leaderboard JSON file: " + firstLine(e.getMessage()));
        }
        if (root == null || !"ncw-sweep-leaderboard".equals(root.path("format").asText())) {
            throw new InvalidParameterException("format must be 'ncw-sweep-leaderboard' (the leaderboard.json "
                    + "ncw sweep writes)");
        }
        Map<String, WorkbenchOptions> experiments = new HashMap<>();
        Map<String, List<String>> files = new HashMap<>();
        for (JsonNode r : root.path("rows")) {
            RunRecord run = RunRecord.fromJson(r.toString());
            experiments.putIfAbsent(run.setting(), run.experiment());
            files.computeIfAbsent(run.setting(), k -> new ArrayList<>()).add(run.file());
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode e : root.path("ranking")) {
            Leaderboard.Entry entry;
            try {
                entry = Json.mapper().treeToValue(e, Leaderboard.Entry.class);
            } catch (IOException ex) {
                throw new InvalidParameterException("ranking entry is not a leaderboard entry: "
                        + firstLine(ex.getMessage()));
            }
            rows.add(new Row(entry.rank(), entry.setting(), entry.values(), entry.method(),
                    files.getOrDefault(entry.setting(), List.of()), entry.siSdr(), entry.stoi(), entry.seconds(),
                    entry.degeneratePercent(), entry.runsWithWarnings(), entry.firstError(),
                    experiments.get(entry.setting())));
        }
        return rows;
    }

    /**
     * The rows of {@code summary.csv} (ranked settings) or {@code leaderboard.csv} (runs, numbered in file
     * order); {@code grid} (may be null) gives each setting its experiment.
     */
    public static List<Row> fromCsv(String csv, SweepGrid grid) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(parseLine(line));
            }
        }
        if (lines.isEmpty()) {
            throw new InvalidParameterException("empty leaderboard file");
        }
        List<String> header = lines.get(0);
        boolean summary = header.get(0).equals("rank");
        if (!summary && !header.get(0).equals("file")) {
            throw new InvalidParameterException("not a sweep leaderboard CSV (its first column must be 'rank' "
                    + "(summary.csv) or 'file' (leaderboard.csv), got '" + header.get(0) + "')");
        }
        int settingCol = header.indexOf("setting");
        int methodCol = header.indexOf("method");
        if (settingCol < 0 || methodCol < settingCol) {
            throw new InvalidParameterException("no 'setting' and 'method' columns");
        }
        Map<String, WorkbenchOptions> experiments = new HashMap<>();
        if (grid != null) {
            grid.settings().forEach(s -> experiments.put(s.id(), s.experiment()));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = lines.get(i);
            if (f.size() != header.size()) {
                throw new InvalidParameterException("line " + (i + 1) + " has " + f.size() + " fields, the header "
                        + header.size());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = settingCol + 1; c < methodCol; c++) {
                if (!f.get(c).isEmpty()) {
                    values.put(header.get(c), plain(f.get(c)));
                }
            }
            String setting = f.get(settingCol);
            rows.add(new Row(summary ? (int) number(f.get(0)) : i, setting, values, f.get(methodCol),
                    summary ? List.of() : List.of(f.get(0)), number(col(header, f, "si_sdr")),
                    number(col(header, f, "stoi")), number(col(header, f, "seconds")),
                    number(col(header, f, "degenerate_percent")), summary
                    ? (int) zero(number(col(header, f, "runs_with_warnings")))
                    : col(header, f, "warnings").isEmpty() ? 0 : col(header, f, "warnings").split(" \\| ").length,
                    summary ? col(header, f, "first_error") : col(header, f, "error"), experiments.get(setting)));
        }
        return rows;
    }

    private static String col(List<String> header, List<String> fields, String name) {
        int i = header.indexOf(name);
        return i < 0 ? "" : fields.get(i);
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double number(String s) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("'" + s + "' is not a number");
        }
    }

    /** A CSV value as the grid file would have given it: a number, true/false, or text. */
    private static Object plain(String s) {
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException notNumber) {
                return s;
            }
        }
    }

    /** One RFC 4180 line (as {@code Csv.field} writes them: quoted fields with doubled quotes). */
    static List<String> parseLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
