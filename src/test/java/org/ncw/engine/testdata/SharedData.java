package org.ncw.engine.testdata;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared dev set ({@code NCW_SHARED_DATA} property/env, else ../shared/data); tests skip without it. */
public final class SharedData {
    private SharedData() {
    }

    /** The 180-mixture corpus (issue 12) beside the dev set, or a skipped test when it is absent. */
    public static Path corpusOrSkip() {
        Path corpus = devSetOrSkip().resolveSibling("corpus");
        Assumptions.assumeTrue(Files.isRegularFile(corpus.resolve("index.json")), "shared corpus not found");
        return corpus;
    }

    /** The dev set directory, or a skipped test when it is absent. */
    public static Path devSetOrSkip() {
        for (String base : new String[] {System.getProperty("NCW_SHARED_DATA"), System.getenv("NCW_SHARED_DATA"),
                "../shared/data", "../../shared/data"}) {
            if (base == null || base.isBlank()) {
                continue;
            }
            Path p = Path.of(base);
            Path dev = Files.isRegularFile(p.resolve("index.json")) ? p : p.resolve("dev");
            if (Files.isRegularFile(dev.resolve("index.json"))) {
                return dev;
            }
        }
        Assumptions.abort("shared dev set not found (set NCW_SHARED_DATA or put it at ../shared/data/dev)");
        return null;
    }
}
