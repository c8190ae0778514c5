package org.ncw.engine.dataset;

import java.nio.file.Path;
import java.util.Locale;

/** Delimited text formats of a {@link Table3D}: tab- or comma-separated, chosen by file extension. */
public enum TableFormat {
    TSV('\t'),
    CSV(',');

    private final char delimiter;

    TableFormat(char delimiter) {
        this.delimiter = delimiter;
    }

    public char delimiter() {
        return delimiter;
    }

    /** TSV for *.tsv / *.tab / *.txt, CSV for *.csv. */
    public static TableFormat forPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return TSV;
        }
        throw new IllegalArgumentException("cannot tell the table format of '" + path.getFileName()
                + "': use a .tsv or .csv extension");
    }
}
