package org.ncw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Locale;
import org.ncw.engine.audio.AudioFileInfo;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.audio.ChannelSelection;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.audio.WavStreamReader;
import org.ncw.engine.audio.WavStreamWriter;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGridCsv;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.OutputSet;
import org.ncw.engine.io.WriteMode;
import org.ncw.engine.pipeline.ExperimentOptions;
import org.ncw.engine.pipeline.ExperimentReport;
import org.ncw.engine.workbench.WindowOptions;
import org.ncw.engine.workbench.WindowedClustering;
import org.ncw.engine.workbench.WindowedRunner;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.render.RenderOptions;
import org.ncw.render.SpectrogramRenderer;

/**
 * {@code ncw cluster} with the column strategy on a recording too long for the heap (or with {@code --window}):
 * {@link WindowedClustering} over a WAV read block by block, the tracks and the label CSV written as they come,
 * the PNG an overview of the whole label grid (at most {@value #OVERVIEW_COLUMNS} columns), the experiment file
 * with the windows' combined diagnostics. The five files appear together or none does.
 */
final class ClusterWindowedRun {
    static final int OVERVIEW_COLUMNS = 4096;

    private ClusterWindowedRun() {
    }

    /** {@link FileLimits#atRate} inside a channel writer, which may only throw IOException (FileProblemException is one). */
    private static <T> T atRate(ClusterCommand command, int rate, java.util.concurrent.Callable<T> work)
            throws IOException {
        try {
            return FileLimits.atRate(command.input, rate, work);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static int run(ClusterCommand command, WorkbenchOptions experiment, ClusterCommand.Outputs files, WriteMode mode,
                   OutputGuard guard, AudioFileInfo info, PrintWriter out, PrintWriter err) throws Exception {
        long t0 = System.nanoTime();
        ExperimentOptions options = experiment.clustering();
        WavStreamReader reader = StreamingDenoiseRun.openWav(command.input, null);
        WindowedRunner.SampleSource source;
        int rate;
        long expected;
        if (reader != null) {
            rate = reader.sampleRate();
            expected = reader.declaredFrames();
            ChannelSelection mix = ChannelSelection.mixDown();
            source = (buf, off, max) -> reader.read(buf, off, max, mix);
        } else {
            MemoryBudget.INFO.check(command.input); // AIFF and AU are read whole
            Signal s = AudioReader.read(command.input).toMono();
            rate = s.sampleRate();
            expected = s.length();
            source = WindowedRunner.of(s);
        }
        WindowOptions windows = command.windowSeconds != null
                ? WindowOptions.defaults().withWindowSeconds(command.windowSeconds)
                : MemoryBudget.DENOISE_CLUSTER.windows(command.input, WindowOptions.defaults(), rate,
                MemoryBudget.available());
        SampleFormat format = command.floatOutput ? SampleFormat.FLOAT32 : SampleFormat.PCM16;
        long expectedFrames = expected > 0 ? expected / options.analysis().hopLength() + 1 : 1;
        WindowedClustering.Overview overview = new WindowedClustering.Overview(expectedFrames, OVERVIEW_COLUMNS);
        WindowedClustering.Summary[] summary = new WindowedClustering.Summary[1];
        long[] clipped = new long[1];
        CancellationToken token = new CancellationToken();
        Thread onInterrupt = new Thread(token::cancel, "ncw-cluster-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (OutputSet outputs = OutputSet.reserve(mode, guard, files.all());
             TerminalProgress progress = TerminalProgress.forRun(command.verbose, err)) {
            TaskMonitor monitor = progress.monitor(token);
            outputs.writeChannel(files.speech(), sch -> {
                WavStreamWriter speech = WavStreamWriter.toFile(sch, rate, format);
                outputs.writeChannel(files.noise(), nch -> {
                    WavStreamWriter noise = WavStreamWriter.toFile(nch, rate, format);
                    outputs.writeChannel(files.csv(), cch -> {
                        LabelGridCsv.Rows rows = new LabelGridCsv.Rows(Channels.newOutputStream(cch));
                        summary[0] = atRate(command, rate, () -> WindowedClustering.run(options, source, rate,
                                windows, speech::write, noise::write, (db, labels, from, to, first, offset) -> {
                                    rows.frames(db, labels, from, to, first, offset);
                                    overview.frames(db, labels, from, to, first, offset);
                                }, monitor, expected));
                        rows.flush();
                    });
                    noise.finish();
                    clipped[0] += noise.clippedSamples();
                });
                speech.finish();
                clipped[0] += speech.clippedSamples();
            });
            outputs.write(files.png(), SpectrogramRenderer.png(SpectrogramRenderer.render(overview.spectrogram(),
                    overview.labels(), RenderOptions.defaults().withTitle(command.input.getFileName()
                            + ": speech bins (analysis grid, " + overview.framesPerColumn() + " frames per column)"))));
            outputs.writeText(files.json(), ExperimentReport.json(experiment.toJson(), summary[0].diagnostics())
                    + System.lineSeparator());
            outputs.commit();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook has run
            }
        }
        WindowedClustering.Summary s = summary[0];
        out.printf(Locale.ROOT, "input      %s: %.2f s at %d Hz (read in windows)%n", command.input,
                s.run().samples() / (double) rate, rate);
        out.printf(Locale.ROOT, "windowed   %s; each column is clustered on its own, so columns away from the joins"
                + " get their whole-file labels%n", WindowedRunner.describe(s.run(), s.windows()));
        out.printf(Locale.ROOT, "analysis   %d bins x %d frames (n_fft %d, hop %d)%n", s.bins(), s.frames(),
                options.analysis().nFft(), options.analysis().hopLength());
        out.printf(Locale.ROOT, "speech     %.1f %% of analysis bins%n", 100 * s.speechFraction());
        out.printf(Locale.ROOT, "seconds    %.3f in all%n", (System.nanoTime() - t0) / 1e9);
        for (String line : ExperimentReport.lines(s.diagnostics())) {
            out.println(line);
        }
        for (String w : s.diagnostics().warnings()) {
            out.println("warning    " + w);
        }
        if (clipped[0] > 0) {
            out.printf("warning    %d samples clipped to [-1, 1] in the tracks (use --float to keep them)%n", clipped[0]);
        }
        for (java.nio.file.Path p : files.all()) {
            out.println("wrote      " + p);
        }
        out.flush();
        return 0;
    }
}
