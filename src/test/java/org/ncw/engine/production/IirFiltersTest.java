package org.ncw.engine.production;

import com.fasterxml.jackson.databind.JsonNode;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Butterworth designs against scipy fixtures and analytic responses; zero-phase behaviour; RBJ EQ gains. */
class IirFiltersTest {
    private static final int FS = 16000;

    @Test
    void butterworthMatchesScipyMagnitudeAndFiltfilt() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/production/butterworth.json")) {
            root = Json.mapper().readTree(in);
        }
        assertEquals(6, root.get("designs").size());
        for (JsonNode d : root.get("designs")) {
            String name = d.get("name").asText();
            int order = d.get("order").asInt();
            double fs = d.get("sampleRate").asDouble();
            JsonNode cut = d.get("cutoffs");
            SosFilter filter = switch (d.get("kind").asText()) {
                case "highpass" -> IirAdapter.butterworthHighPass(order, fs, cut.get(0).asDouble());
                case "lowpass" -> IirAdapter.butterworthLowPass(order, fs, cut.get(0).asDouble());
                default -> IirAdapter.butterworthBandPass(order, fs, cut.get(0).asDouble(), cut.get(1).asDouble());
            };
            assertEquals(d.get("sos").size(), filter.sectionCount(), name + " section count");
            double[] freqs = doubles(d.get("freqs"));
            double[] expectedDb = doubles(d.get("magnitudeDb"));
            for (int i = 0; i < freqs.length; i++) {
                if (expectedDb[i] > -150) {
                    double tol = expectedDb[i] > -60 ? 1e-6 : 1e-3;
                    assertEquals(expectedDb[i], filter.magnitudeDb(freqs[i], fs), tol, name + " at " + freqs[i] + " Hz");
                }
            }
            double[] y = filter.filtfilt(doubles(d.get("input")));
            double[] expected = doubles(d.get("filtfilt"));
            for (int i = 0; i < y.length; i++) {
                assertEquals(expected[i], y[i], 1e-9, name + " filtfilt sample " + i);
            }
        }
    }

    @Test
    void highPassAttenuatesThirtyHertzByTheTheoreticalAmountAndPassesOneKilohertz() {
        int order = 4;
        double cutoff = 100;
        // Bilinear Butterworth: |H(f)|^2 = 1 / (1 + (tan(pi fc/fs) / tan(pi f/fs))^(2N)).
        double expectedDb = -10 * Math.log10(1 + Math.pow(Math.tan(Math.PI * cutoff / FS) / Math.tan(Math.PI * 30.0 / FS), 2 * order));
        assertTrue(expectedDb < -40, "the case is meaningful");
        for (boolean zeroPhase : new boolean[] {false, true}) {
            HighPass stage = new HighPass(cutoff, order, zeroPhase);
            double passes = zeroPhase ? 2 : 1;
            assertEquals(passes * expectedDb, gainDb(stage, 30), 0.05, "30 Hz, zeroPhase=" + zeroPhase);
            assertEquals(0, gainDb(stage, 1000), 0.1, "1 kHz, zeroPhase=" + zeroPhase);
            assertEquals(-3.01 * passes, gainDb(stage, cutoff), 0.05, "cutoff, zeroPhase=" + zeroPhase);
        }
    }

    @Test
    void lowPassAndBandPassAttenuateOutsideTheirBand() {
        assertEquals(0, gainDb(new LowPass(3000, 6, true), 500), 0.1);
        assertTrue(gainDb(new LowPass(3000, 6, true), 6000) < -60);
        BandPass voice = new BandPass(300, 3400, 4, true);
        assertEquals(0, gainDb(voice, 1000), 0.1);
        assertTrue(gainDb(voice, 60) < -60);
        assertTrue(gainDb(voice, 7000) < -60);
    }

    @Test
    void lowPassAtOrAboveNyquistPassesThrough() {
        LowPass lp = LowPass.at(8000);
        Signal in = sine(3000, 1, 0.5);
        assertTrue(lp.describe(FS).contains("skipped"));
        double[] out = lp.apply(in, TaskMonitor.none()).samples();
        for (int i = 0; i < out.length; i++) {
            assertEquals(in.samples()[i], out[i], 0);
        }
        // A band-pass whose upper edge is above Nyquist becomes a high-pass at its lower edge.
        BandPass wide = new BandPass(200, 9000, 4, false);
        assertEquals(IirAdapter.butterworthHighPass(4, FS, 200).magnitudeDb(100, FS), wide.design(FS).magnitudeDb(100, FS), 1e-12);
    }

    @Test
    void zeroPhaseKeepsAPulseCentredWhileCausalFilteringDelaysIt() {
        int n = 4000;
        int centre = 2000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (i - centre) / 40.0;
            x[i] = Math.exp(-t * t / 2) * Math.cos(2 * Math.PI * 1000.0 * (i - centre) / FS);
        }
        Signal pulse = new Signal(x, FS);
        double zeroPhaseCentre = energyCentre(new BandPass(500, 2000, 4, true).apply(pulse, TaskMonitor.none()).samples());
        double causalCentre = energyCentre(new BandPass(500, 2000, 4, false).apply(pulse, TaskMonitor.none()).samples());
        assertEquals(centre, zeroPhaseCentre, 0.5);
        assertTrue(causalCentre - centre > 3, "causal band-pass delays the pulse, got " + (causalCentre - centre));
    }

    @Test
    void peakingEqHasItsGainAtTheCentreFrequency() {
        for (boolean zeroPhase : new boolean[] {false, true}) {
            for (double gain : new double[] {6, -12}) {
                ParametricEq eq = new ParametricEq(List.of(new EqBand(EqBand.Type.PEAKING, 1000, gain, 2)), zeroPhase);
                assertEquals(gain, gainDb(eq, 1000), 0.05, "gain " + gain + " zeroPhase " + zeroPhase);
                assertEquals(0, gainDb(eq, 6000), 0.3, "far from the band");
            }
        }
    }

    @Test
    void shelvesReachTheirGainAtTheEdgesAndHalfwayAtTheirFrequency() {
        EqBand low = new EqBand(EqBand.Type.LOW_SHELF, 200, 9, 0.707);
        EqBand high = new EqBand(EqBand.Type.HIGH_SHELF, 4000, -6, 0.707);
        assertEquals(9, low.design(FS, 1).magnitudeDb(0, FS), 1e-9);
        assertEquals(0, low.design(FS, 1).magnitudeDb(FS / 2.0, FS), 1e-9);
        assertEquals(4.5, low.design(FS, 1).magnitudeDb(200, FS), 1e-9);
        assertEquals(-6, high.design(FS, 1).magnitudeDb(FS / 2.0, FS), 1e-9);
        assertEquals(0, high.design(FS, 1).magnitudeDb(0, FS), 1e-9);
        assertEquals(-3, high.design(FS, 1).magnitudeDb(4000, FS), 1e-9);
    }

    @Test
    void badParametersNameTheProblem() {
        assertTrue(assertThrows(InvalidParameterException.class, () -> new HighPass(-5, 4, true))
                .getMessage().contains("highpass hz"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> new HighPass(80, 0, true))
                .getMessage().contains("order"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> new BandPass(3000, 300, 2, true))
                .getMessage().contains("lowHz must be below highHz"));
        assertTrue(assertThrows(InvalidParameterException.class,
                () -> HighPass.at(9000).apply(sine(100, 0.1, 0.1), TaskMonitor.none()))
                .getMessage().contains("below Nyquist"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> new EqBand(EqBand.Type.PEAKING, 1000, 6, 0))
                .getMessage().contains("q"));
    }

    /** Gain of a stage for a steady sine, measured on the middle of the output (away from edge transients). */
    private static double gainDb(ProductionStage stage, double hz) {
        Signal in = sine(hz, 4, 1);
        double[] out = stage.apply(in, TaskMonitor.none()).samples();
        int from = in.length() / 4;
        int to = 3 * in.length() / 4;
        return 10 * Math.log10(energy(out, from, to) / energy(in.samples(), from, to));
    }

    static Signal sine(double hz, double seconds, double amplitude) {
        double[] x = new double[(int) Math.round(seconds * FS)];
        for (int i = 0; i < x.length; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / FS);
        }
        return new Signal(x, FS);
    }

    private static double energy(double[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) {
            e += x[i] * x[i];
        }
        return e;
    }

    private static double energyCentre(double[] x) {
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            weighted += i * x[i] * x[i];
            total += x[i] * x[i];
        }
        return weighted / total;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
