package org.ncw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ncw.engine.core.Signal;
import org.ncw.engine.denoise.MaskNetwork;
import org.ncw.engine.denoise.MaskTrainer;
import org.ncw.engine.evaluation.EvaluationSet;
import org.ncw.engine.io.OutputGuard;
import org.ncw.engine.io.WriteMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ncw train-mask SET -o mask.json}: trains the blind denoiser's band mask on noisy/clean pairs. */
@Command(name = "train-mask", mixinStandardHelpOptions = true,
        description = {"Train the blind denoiser's learned band mask (or with --streaming the streaming denoiser's causal one)",
                "on a set of noisy recordings with their clean speech (a folder with index.json, as bench-quality reads).",
                "Each clean recording is also remixed with the noise of other pairs. Use the result with",
                "`ncw denoise --mask-model FILE` or \"maskModel\" in an experiment file (the denoiser or streaming block).",
                "The built-in networks were made by: ncw train-mask ../shared/data/corpus --split even -o band-mask.json",
                "and: ncw train-mask ../shared/data/corpus --split even --streaming -o streaming-mask.json"})
public final class TrainMaskCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SET", description = "Folder with index.json and STEM.noisy.wav / STEM.clean.wav.")
    Path dir;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MASK.json", description = "Network file to write.")
    Path output;

    @Option(names = "--split", paramLabel = "even|odd|all", defaultValue = "all",
            description = "Train on the even- or odd-numbered stems only (default: all). Keep the other half to validate.")
    String split;

    @Option(names = "--augment", paramLabel = "N", description = "Remixes of each clean recording (default: 8).")
    Integer augment;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training cells (default: 10).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of remixes, initialisation and order (default: 1).")
    Long seed;

    @Option(names = "--synthetic", paramLabel = "SHARE",
            description = "Share of the remixes over made noise instead of another pair's: half babble of other pairs'"
                    + " speech, half coloured stationary noise with hum or a level swing (default: 0).")
    Double synthetic;

    @Option(names = "--streaming", description = "Train the streaming denoiser's causal mask (its own 32 ms frames, 192 ms"
            + " of the past only, hidden 64+16 by default) instead of the blind denoiser's.")
    boolean streaming;

    @Option(names = "--hidden", paramLabel = "H1,H2", split = ",",
            description = "Units of the two hidden layers (default: 128,32; with --streaming 64,16).")
    int[] hidden;

    @Option(names = "--force", description = "Replace an existing network file.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        WriteMode mode = OutputPaths.check(output, force, OutputGuard.none());
        EvaluationSet set = EvaluationSet.load(dir).split(split);
        MaskTrainer.Options o = streaming ? org.ncw.engine.stream.StreamingMaskTrainer.defaults()
                : MaskTrainer.Options.defaults();
        if (augment != null) {
            o = o.withAugment(augment);
        }
        if (epochs != null) {
            o = o.withEpochs(epochs);
        }
        if (synthetic != null) {
            o = o.withSyntheticShare(synthetic);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (hidden != null) {
            if (hidden.length != 2) {
                throw new IllegalArgumentException("--hidden takes two sizes, H1,H2 (got " + hidden.length + ")");
            }
            o = o.withHidden(hidden[0], hidden[1]);
        }
        List<MaskTrainer.Pair> pairs = new ArrayList<>();
        for (EvaluationSet.Item item : set.items()) {
            Signal noisy = item.readNoisy();
            Signal clean = item.readClean();
            pairs.add(new MaskTrainer.Pair(item.stem(), noisy, clean));
        }
        long t0 = System.nanoTime();
        MaskNetwork net;
        try (TerminalProgress progress = TerminalProgress.forRun(verbose, spec.commandLine().getErr()).withTimes()) {
            net = streaming ? org.ncw.engine.stream.StreamingMaskTrainer.fit(pairs, o,
                    org.ncw.engine.stream.StreamingDenoiserOptions.defaults(), progress.monitor())
                    : MaskTrainer.fit(pairs, o, progress.monitor());
        }
        net.write(output, mode, OutputGuard.none());
        out.printf(Locale.ROOT, "Trained on %s%s: %s; %.0f s. Wrote %s%n", dir, split.equals("all") ? ""
                : " (" + split + " half)", net.trainedOn(), (System.nanoTime() - t0) / 1e9, output);
        return 0;
    }
}
