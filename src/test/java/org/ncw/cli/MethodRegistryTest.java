package org.ncw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.ncw.engine.workbench.Method;
import org.ncw.engine.workbench.MethodOutput;
import org.ncw.engine.workbench.Methods;
import org.ncw.engine.workbench.WorkbenchOptions;
import org.ncw.ui.analysis.AnalysisResult;
import org.ncw.ui.analysis.AnalysisSession;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.analysis.ParamCatalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncw.cli.CliRun.run;

/** A method registered once appears in {@code ncw denoise --method}, {@code bench-quality} and the workbench. */
class MethodRegistryTest {
    @TempDir
    Path dir;

    /** Halves the input: easy to recognise in every place it shows up. */
    record HalfGainOptions(double gain) {
    }

    static final class HalfGain implements Method<HalfGainOptions> {
        @Override
        public String name() {
            return "test-half-gain";
        }

        @Override
        public Kind kind() {
            return Kind.DENOISER;
        }

        @Override
        public Class<HalfGainOptions> optionsType() {
            return HalfGainOptions.class;
        }

        @Override
        public HalfGainOptions options(WorkbenchOptions experiment) {
            return new HalfGainOptions(0.5);
        }

        @Override
        public MethodOutput run(Signal noisy, HalfGainOptions options, TaskMonitor monitor) {
            double[] y = noisy.samples().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] *= options.gain();
            }
            return MethodOutput.subtracting(noisy, noisy.withSamples(y), List.of("half gain"));
        }
    }

    private static Signal noise() {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[8000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.2 * r.nextGaussian();
        }
        return new Signal(x, 8000);
    }

    @Test
    void oneRegisteredMethodShowsUpEverywhere() throws IOException {
        HalfGain method = new HalfGain();
        Methods.register(method);
        try {
            assertTrue(Methods.names().contains("test-half-gain"));

            Path in = TestWavs.write(dir, "in.wav", noise());
            CliRun denoise = run("denoise", in.toString(), "-o", dir.resolve("out.wav").toString(), "--float",
                    "--method", "test-half-gain");
            assertEquals(0, denoise.code(), denoise.err());
            assertTrue(denoise.out().contains("method test-half-gain, half gain"), denoise.out());
            Signal input = AudioReader.readMono(in);
            Signal out = AudioReader.readMono(dir.resolve("out.wav"));
            assertEquals(0.5 * input.samples()[100], out.samples()[100], 1e-6);

            CliRun list = run("bench-quality", "--list");
            assertTrue(list.out().lines().anyMatch("test-half-gain"::equals), list.out());

            String key = "method:test-half-gain";
            assertTrue(ParamCatalog.all().stream().anyMatch(p -> p.key().equals(key)), "a switch in the panel");
            AnalysisResult off = new AnalysisSession().run(input, null, ParamCatalog.defaults().with("ica", false),
                    TaskMonitor.none());
            assertTrue(off.outputs().stream().noneMatch(o -> o.name().equals("test-half-gain")), "off by default");
            AnalysisResult on = new AnalysisSession().run(input, null, ParamCatalog.defaults().with("ica", false)
                    .with(key, true), TaskMonitor.none());
            Output shown = on.outputs().stream().filter(o -> o.name().equals("test-half-gain")).findFirst()
                    .orElseThrow();
            assertEquals(0.5 * input.samples()[100], shown.signal().samples()[100], 1e-12);
        } finally {
            Methods.unregister(method);
        }
        assertTrue(!Methods.names().contains("test-half-gain"));
    }

    @Test
    void oldMethodNamesStillWork() throws IOException {
        WorkbenchOptions defaults = WorkbenchOptions.defaults();
        assertEquals(Methods.BLIND_DENOISER, Methods.resolve("blind", defaults).name());
        assertEquals("production:default", Methods.resolve("production", defaults).name());
        assertEquals("production:median-floor", Methods.resolve("production", defaults.withProduction(
                defaults.production().withPreset("median-floor"))).name());
        assertEquals("cluster:column/matrix/strict", Methods.resolve("cluster", defaults).name());
        assertTrue(Methods.resolve("production", defaults) == Methods.byName("production:default").orElseThrow(),
                "an alias is the registered method itself");
    }
}
