package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.AnalysisSession;
import org.ncw.ui.analysis.ParamCatalog;
import org.ncw.ui.analysis.ParameterSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

/** One experiment file: what the workbench saves, {@code ncw cluster --options} runs with the same labels. */
class ExperimentInterchangeTest {
    @TempDir
    Path dir;

    /** 3 s at 8 kHz: quiet noise with a 700 Hz tone in [1 s, 2 s) and a 1500 Hz one in [0.5 s, 1.2 s). */
    private static Signal signal() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[24000];
        for (int i = 0; i < x.length; i++) {
            double t = i / 8000.0;
            x[i] = 0.02 * r.nextGaussian() + (t >= 1 && t < 2 ? 0.4 * Math.sin(2 * Math.PI * 700 * t) : 0)
                    + (t >= 0.5 && t < 1.2 ? 0.2 * Math.sin(2 * Math.PI * 1500 * t) : 0);
        }
        return new Signal(x, 8000);
    }

    /** The workbench's labels for a parameter set (clustering only: the other stages off). */
    private static LabelGrid workbenchLabels(Signal input, ParameterSet p) {
        ParameterSet clusteringOnly = p.with("production", false).with("denoiser", false).with("ica", false);
        return new AnalysisSession().run(input, null, clusteringOnly, TaskMonitor.none()).labels();
    }

    /** The speech column of {@code ncw cluster}'s long-format label CSV as a grid check against {@code labels}. */
    private static void assertSameLabels(LabelGrid labels, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + labels.bins() * labels.frames(), lines.size(), "one row per analysis bin");
        int speech = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int frame = Integer.parseInt(f[0]);
            int bin = Integer.parseInt(f[1]);
            int label = Integer.parseInt(f[5]);
            assertEquals(labels.get(bin, frame), label, "bin " + bin + ", frame " + frame);
            speech += label;
        }
        assertTrue(speech > 0 && speech < labels.bins() * labels.frames(), "both classes occur: " + speech);
    }

    @Test
    void aWorkbenchExperimentRunsUnchangedOnTheCommandLine() throws IOException {
        Path wav = TestWavs.write(dir, "in.wav", signal());
        Signal input = AudioReader.readMono(wav); // what the command reads
        ParameterSet gui = ParamCatalog.defaults().with("strategy", "complete").with("dataset", "table3d")
                .with("centroidDistance", true).with("gamma", 0.5).with("maskMode", "reduce").with("seed", 4);
        Path file = dir.resolve("gui.json");
        Files.writeString(file, gui.toJson());
        assertTrue(Files.readString(file).contains("\"version\" : 2"), "the workbench saves version 2");

        CliRun r = run("cluster", wav.toString(), "-o", dir.resolve("cli").toString(), "--options", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("clustering table3d, complete, spectral"), r.out());
        assertSameLabels(workbenchLabels(input, gui), dir.resolve("cli/in.labels.csv"));
    }

    @Test
    void aCommandLineExperimentRunsUnchangedInTheWorkbenchKeepingWhatItDoesNotShow() throws IOException {
        Path wav = TestWavs.write(dir, "in.wav", signal());
        Signal input = AudioReader.readMono(wav); // what the command reads
        CliRun r = run("cluster", wav.toString(), "-o", dir.resolve("cli").toString(), "--affinity", "knn",
                "--neighbors", "7", "--labels", "discretize", "--seed", "2", "--speech-rule", "higher_mean_flux");
        assertEquals(0, r.code(), r.err());
        ParameterSet gui = ParameterSet.fromJson(Files.readString(dir.resolve("cli/in.experiment.json")));
        assertEquals(7, gui.integer("neighbors"));
        assertEquals("discretize", gui.text("assignLabels"));
        assertEquals("HIGHER_MEAN_FLUX", gui.toOptions().strategy().roleRule().name(),
                "a setting the panel does not show survives");
        assertSameLabels(workbenchLabels(input, gui), dir.resolve("cli/in.labels.csv"));
    }

    @Test
    void oldExperimentFilesStillLoad() throws IOException {
        Path wav = TestWavs.write(dir, "in.wav", signal());
        Signal input = AudioReader.readMono(wav); // what the command reads
        Path v1 = dir.resolve("v1.json");
        Files.writeString(v1, "{\"format\":\"ncw-experiment\",\"version\":1,\"parameters\":{\"strategy\":\"complete\","
                + "\"gamma\":0.5}}");
        CliRun r = run("cluster", wav.toString(), "-o", dir.resolve("v1").toString(), "--options", v1.toString());
        assertEquals(0, r.code(), r.err());
        assertSameLabels(workbenchLabels(input, ParamCatalog.defaults().with("strategy", "complete")
                .with("gamma", 0.5)), dir.resolve("v1/in.labels.csv"));

        WorkbenchOptions bare = WorkbenchOptions.fromJson(org.ncw.engine.core.Json.write(
                WorkbenchOptions.defaults().clustering().withMask(
                        org.ncw.engine.mask.MaskOptions.of(org.ncw.engine.mask.MaskMode.SOFT))));
        assertEquals(org.ncw.engine.mask.MaskMode.SOFT, bare.mask().mode(), "an ExperimentOptions file loads");
        CliRun bad = run("cluster", wav.toString(), "-o", dir.resolve("bad").toString(), "--options",
                Files.writeString(dir.resolve("bad.json"), "{\"format\":\"ncw-experiment\",\"version\":7}")
                        .toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("version must be 1 or 2, got 7"), bad.err());
    }
}
