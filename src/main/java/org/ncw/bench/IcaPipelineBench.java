package org.ncw.bench;

import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.ica.AlignedPair;
import org.ncw.engine.ica.PairSeparation;
import org.ncw.engine.ica.PairSeparationOptions;
import org.ncw.engine.ica.PairSeparationResult;

import java.util.Locale;

/**
 * The whole pair separation on {@link IcaBench}'s pair: three FastICA restarts kept by negentropy, speech ranking
 * and loudness normalisation (no target; for comparison with the bare FastICA figure).
 */
public final class IcaPipelineBench implements BenchCase {
    private AlignedPair pair;
    private PairSeparationResult last;

    @Override
    public String name() {
        return "ICA pair separation (3 restarts, ranking, loudness)";
    }

    @Override
    public String size() {
        return pair == null ? "2 x ?" : "2 x " + pair.length();
    }

    @Override
    public String group() {
        return "ica";
    }

    @Override
    public void setUp() {
        IcaBench bench = new IcaBench();
        bench.setUp();
        double[][] x = bench.mixtures();
        pair = new AlignedPair(new Signal(x[0], IcaBench.SAMPLE_RATE), new Signal(x[1], IcaBench.SAMPLE_RATE), null,
                java.util.List.of());
    }

    @Override
    public Object run() {
        last = PairSeparation.fit(pair, PairSeparationOptions.defaults(), TaskMonitor.none());
        return last;
    }

    @Override
    public String notes() {
        return last == null ? "" : String.format(Locale.ROOT, "%s; speech score %.1f dB vs %.1f dB",
                last.ica().convergenceSummary(), last.speechScore(), last.noiseScore());
    }
}
