package org.ncw.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of {@link NcwMain} with its exit code and captured standard output and error. */
record CliRun(int code, String out, String err) {
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NcwMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Non-blank lines of standard error. */
    java.util.List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
