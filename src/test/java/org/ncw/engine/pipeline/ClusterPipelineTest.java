package org.ncw.engine.pipeline;

import org.junit.jupiter.api.Test;
import org.ncw.engine.cluster.Clusterer;
import org.ncw.engine.cluster.FeatureScaling;
import org.ncw.engine.cluster.strategy.ClusterSettings;
import org.ncw.engine.cluster.strategy.ClustererFactory;
import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.SpeechRoleRule;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.engine.dsp.Resolution;
import org.ncw.engine.jobs.Job;
import org.ncw.engine.jobs.JobService;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.mask.MaskOptions;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterPipelineTest {
    static final int RATE = 8000;
    static final Resolution ANALYSIS = new Resolution(256, 256, 256);
    static final Resolution SYNTHESIS = new Resolution(512, 128, 512);

    /** 2 s of quiet white noise with a loud 1 kHz tone in [0.5 s, 1.5 s). */
    static Signal toneInNoise() {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[2 * RATE];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            x[i] = 0.01 * r.nextGaussian() + (t >= 0.5 && t < 1.5 ? 0.5 * Math.sin(2 * Math.PI * 1000 * t) : 0);
        }
        return new Signal(x, RATE);
    }

    static ExperimentOptions small() {
        return ExperimentOptions.defaults().withAnalysis(ANALYSIS).withSynthesis(SYNTHESIS);
    }

    /** The core clusterers, counting how often one is asked to fit. */
    static ClustererFactory counting(AtomicInteger fits) {
        return s -> {
            Clusterer c = ClustererFactory.core().create(s);
            return (x, m) -> {
                fits.incrementAndGet();
                return c.fit(x, m);
            };
        };
    }

    @Test
    void aMaskChangeReusesTheClusteringAndAClustererChangeReusesTheStfts() {
        AtomicInteger fits = new AtomicInteger();
        ClusterPipeline p = new ClusterPipeline(toneInNoise(), counting(fits));
        ExperimentOptions o = small().withClusterer(ClusterSettings.defaults().withExact(true));
        ExperimentResult first = p.run(o, TaskMonitor.none());
        int frames = first.clustering().problems();
        assertEquals(frames, fits.get(), "one fit per analysis column");
        assertEquals(1, p.clusterRuns());

        ExperimentResult reduced = p.run(o.withMask(MaskOptions.of(MaskMode.REDUCE)), TaskMonitor.none());
        assertEquals(frames, fits.get(), "a mask change must not cluster again");
        assertSame(first.clustering(), reduced.clustering());
        assertTrue(reduced.stages().stream().filter(s -> s.stage().equals("cluster")).allMatch(
                ExperimentResult.StageTiming::cached));
        assertFalse(reduced.stages().stream().filter(s -> s.stage().startsWith("mask")).allMatch(
                ExperimentResult.StageTiming::cached));

        p.run(o.withClusterer(o.clusterer().withAlgorithm(ClusterSettings.Algorithm.KMEANS)), TaskMonitor.none());
        assertEquals(2, p.clusterRuns());
        assertEquals(2 * frames, fits.get());
        assertTrue(p.run(o, TaskMonitor.none()).stages().stream().allMatch(ExperimentResult.StageTiming::cached),
                "going back to the first settings is all cache hits");
    }

    @Test
    void aLabelAssignmentChangeReusesTheEmbeddingAndGivesTheSameLabelsAsAFreshRun() {
        ClusterPipeline p = new ClusterPipeline(toneInNoise());
        ClusterSettings knn = ClusterSettings.defaults().withSpectral(ClusterSettings.defaults().spectral()
                .withAffinity(org.ncw.engine.cluster.AffinityKind.NEAREST_NEIGHBORS));
        ExperimentOptions o = small().withStrategy(org.ncw.engine.cluster.strategy.StrategyOptions.defaults()
                .withDataset(org.ncw.engine.cluster.strategy.DatasetKind.TABLE3D)).withClusterer(knn);
        int frames = p.run(o, TaskMonitor.none()).clustering().problems();
        assertEquals(frames, p.embeddingRuns());
        for (org.ncw.engine.cluster.LabelAssignment a : org.ncw.engine.cluster.LabelAssignment.values()) {
            ExperimentOptions changed = o.withClusterer(knn.withSpectral(knn.spectral().withAssignLabels(a)));
            ExperimentResult reused = p.run(changed, TaskMonitor.none());
            assertEquals(frames, p.embeddingRuns(), a + " re-assigned labels only");
            ExperimentResult fresh = new ClusterPipeline(toneInNoise()).run(changed, TaskMonitor.none());
            org.junit.jupiter.api.Assertions.assertArrayEquals(fresh.clustering().labels().labels(),
                    reused.clustering().labels().labels(), a.toString());
        }
        assertEquals(3, p.clusterRuns(), "kmeans (the repeat is a cache hit), discretize, cluster_qr");
    }

    @Test
    void separatesALoudToneFromQuietNoiseAndTheTracksAddUpToTheInput() {
        Signal in = toneInNoise();
        ExperimentResult r = new ClusterPipeline(in).run(small(), TaskMonitor.none());
        LabelGrid labels = r.labels();
        assertEquals(257, labels.bins());
        // the tone's bin (1 kHz at 15.6 Hz per bin = bin 64) is speech while the tone plays
        for (double t = 0.6; t < 1.4; t += 0.05) {
            assertEquals(LabelGrid.SPEECH, labels.get(64, (int) Math.round(t * RATE / SYNTHESIS.hopLength())), "t=" + t);
        }
        double[] speech = r.separated().speech().samples();
        double[] residue = r.separated().residue().samples();
        double err = 0;
        double energy = 0;
        for (int i = 0; i < in.length(); i++) {
            double e = speech[i] + residue[i] - in.samples()[i];
            err += e * e;
            energy += in.samples()[i] * in.samples()[i];
        }
        assertTrue(err < 1e-6 * energy, "strict masks are complementary: speech + residue = input");
        assertTrue(energyBetween(speech, 0.6, 1.4) > 100 * energyBetween(speech, 0.05, 0.45),
                "speech track carries the tone, not the noise before it");
    }

    private static double energyBetween(double[] x, double from, double to) {
        double e = 0;
        for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) {
            e += x[i] * x[i];
        }
        return e / ((to - from) * RATE);
    }

    @Test
    void everyDatasetAndStrategyRuns() {
        ClusterPipeline p = new ClusterPipeline(toneInNoise());
        for (DatasetKind d : DatasetKind.values()) {
            for (StrategyKind s : StrategyKind.values()) {
                ExperimentOptions o = small().withStrategy(small().strategy().withDataset(d).withStrategy(s)
                        .withCentroidDistance(d == DatasetKind.TABLE3D));
                ExperimentResult r = p.run(o, TaskMonitor.none());
                double f = r.labels().speechFraction();
                assertTrue(f > 0 && f < 1, d + "/" + s + " speech fraction " + f);
                LabelGrid analysis = r.clustering().labels();
                assertEquals(r.analysisDb().bins(), analysis.bins());
                if (d == DatasetKind.MATRIX && s == StrategyKind.COMPLETE) {
                    for (int b = 0; b < analysis.bins(); b++) {
                        for (int t = 1; t < analysis.frames(); t++) {
                            assertEquals(analysis.get(b, 0), analysis.get(b, t), "a whole bin is one class");
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyCoreAlgorithmFindsTheToneOnTheTable() {
        ClusterPipeline p = new ClusterPipeline(toneInNoise());
        for (ClusterSettings.Algorithm a : ClusterSettings.Algorithm.values()) {
            ExperimentOptions o = small().withStrategy(small().strategy().withDataset(DatasetKind.TABLE3D))
                    .withClusterer(ClusterSettings.defaults().withAlgorithm(a));
            LabelGrid labels = p.run(o, TaskMonitor.none()).labels();
            int frame = (int) Math.round(1.0 * RATE / SYNTHESIS.hopLength());
            assertEquals(LabelGrid.SPEECH, labels.get(64, frame), a + " labels the tone speech");
        }
    }

    @Test
    void runsOnAJobServiceWithProgressAndCancellation() throws Exception {
        ClusterPipeline p = new ClusterPipeline(toneInNoise());
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        try (JobService jobs = JobService.callingThread()) {
            Job<ExperimentResult> job = p.submit(jobs, small(), (f, s) -> last.accumulateAndGet(f, Math::max));
            assertTrue(job.future().get().labels().speechFraction() > 0);
            assertEquals(1.0, last.get(), 1e-12);
        }
        CancellationToken token = new CancellationToken();
        AtomicInteger fits = new AtomicInteger();
        ClusterPipeline cancelling = new ClusterPipeline(toneInNoise(), s -> (x, m) -> {
            if (fits.incrementAndGet() == 3) {
                token.cancel();
            }
            return ClustererFactory.core().create(s).fit(x, m);
        });
        ExperimentOptions exact = small().withClusterer(ClusterSettings.defaults().withExact(true))
                .withStrategy(small().strategy().withThreads(1));
        assertThrows(CancelledException.class,
                () -> cancelling.run(exact, TaskMonitor.of((f, s) -> { }, token)));
        assertEquals(0, cancelling.clusterRuns() - 1, "the cancelled clustering ran once");
        // nothing half-done was cached: a fresh token runs the clustering again
        cancelling.run(exact, TaskMonitor.none());
        assertEquals(2, cancelling.clusterRuns());
        try (JobService jobs = JobService.background(1)) {
            // The one worker is held busy, so the job is cancelled before it starts whatever the machine's speed.
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            jobs.submit("blocker", (f, s) -> { }, m -> {
                try {
                    return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            Job<ExperimentResult> job = new ClusterPipeline(toneInNoise()).submit(jobs, small(), (f, s) -> { });
            job.cancel();
            release.countDown();
            Exception e = assertThrows(Exception.class, () -> job.future().get());
            assertTrue(e instanceof CancellationException
                    || e instanceof ExecutionException && e.getCause() instanceof CancelledException, e.toString());
        }
    }

    @Test
    void experimentOptionsRoundTripThroughJson() {
        ExperimentOptions o = small().withMask(MaskOptions.of(MaskMode.SOFT))
                .withStrategy(small().strategy().withDataset(DatasetKind.TABLE3D).withCentroidDistance(true)
                        .withScaling(FeatureScaling.MIN_MAX).withRoleRule(SpeechRoleRule.HIGHER_MEAN_FLUX))
                .withClusterer(ClusterSettings.defaults().withQuantum(0.25).withExact(true));
        String json = Json.write(o);
        assertEquals(o, Json.read(json, ExperimentOptions.class));
        assertTrue(json.contains("\"centroidDistance\" : true"), json);
    }
}
