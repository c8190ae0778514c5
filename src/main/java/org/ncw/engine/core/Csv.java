package org.ncw.engine.core;

/** CSV fields as RFC 4180 writes them, kept to one line so every record is one row of the file. */
public final class Csv {
    private Csv() {
    }

    /** {@code s} as one field: quoted (inner quotes doubled) when it holds a comma, a quote or a line break. */
    public static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + "\"";
        }
        return s;
    }
}
