package org.ncw.engine.audio;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.CancellationToken;
import org.ncw.engine.core.CancelledException;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {

    private static Signal sine(double freq, double amplitude, int rate, int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = amplitude * Math.sin(2 * Math.PI * freq * i / rate);
        }
        return new Signal(s, rate);
    }

    /** Amplitude and phase of frequency f in x[from..to) by least squares on sin/cos (exact for a pure tone). */
    private static double amplitudeAt(double[] x, int rate, double f, int from, int to) {
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        for (int i = from; i < to; i++) {
            double s = Math.sin(2 * Math.PI * f * i / rate);
            double c = Math.cos(2 * Math.PI * f * i / rate);
            ss += s * s;
            sc += s * c;
            cc += c * c;
            xs += x[i] * s;
            xc += x[i] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        return Math.hypot(a, b);
    }

    private static double rms(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void matchesScipyResamplePolyFixtures() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/audio/resample_poly.json")) {
            root = Json.mapper().readTree(in);
        }
        assertTrue(root.get("cases").size() >= 5);
        for (JsonNode c : root.get("cases")) {
            ResamplerOptions opt = ResamplerOptions.defaults()
                    .withPassbandEdge(c.get("passband_edge").asDouble())
                    .withStopbandAttenuationDb(c.get("attenuation_db").asDouble());
            String name = c.get("from").asInt() + "->" + c.get("to").asInt();
            assertEquals(c.get("beta").asDouble(), KaiserWindow.beta(opt.stopbandAttenuationDb()), 1e-12, name);
            int g = Resampler.gcd(c.get("from").asInt(), c.get("to").asInt());
            PolyphaseFilter f = PolyphaseFilter.design(c.get("to").asInt() / g, c.get("from").asInt() / g, opt);
            assertEquals(c.get("taps").asInt(), f.taps, name);

            double[] x = toArray(c.get("input"));
            double[] expected = toArray(c.get("output"));
            Signal y = Resampler.resample(new Signal(x, c.get("from").asInt()), c.get("to").asInt(), opt,
                    TaskMonitor.none());
            assertEquals(c.get("to").asInt(), y.sampleRate());
            assertArrayEquals(expected, y.samples(), 1e-9, name);
        }
    }

    private static double[] toArray(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    @Test
    void passbandSineKeepsAmplitudeWithinATenthOfADecibelAndItsFrequency() {
        for (int[] rates : new int[][] {{22050, 16000}, {16000, 22050}, {44100, 16000}, {16000, 48000}}) {
            for (double f : new double[] {100, 1000, 3000, 6500}) {
                Signal in = sine(f, 0.5, rates[0], rates[0]);
                double[] y = Resampler.resample(in, rates[1]).samples();
                int margin = rates[1] / 10; // skip the filter's ramps at the ends
                double amp = amplitudeAt(y, rates[1], f, margin, y.length - margin);
                double db = 20 * Math.log10(amp / 0.5);
                assertTrue(Math.abs(db) < 0.1, rates[0] + "->" + rates[1] + " " + f + " Hz: " + db + " dB");
                // all the energy is at f: the residual after removing the fitted tone is tiny
                double total = rms(y, margin, y.length - margin);
                assertEquals(0.5 / Math.sqrt(2), total, 0.5 * 1e-3, "energy elsewhere at " + f + " Hz");
            }
        }
    }

    @Test
    void toneAboveTargetNyquistIsAttenuatedBy60Db() {
        for (double f : new double[] {8100, 9000, 10500}) {
            Signal in = sine(f, 1.0, 22050, 22050);
            double[] y = Resampler.resample(in, 16000).samples();
            int margin = 1600;
            double level = rms(y, margin, y.length - margin) * Math.sqrt(2);
            double db = 20 * Math.log10(level);
            assertTrue(db <= -60, f + " Hz leaks at " + db + " dB");
        }
    }

    @Test
    void roundTripOfBandLimitedNoiseHasSmallError() {
        int rate = 22050;
        double[] x = new double[rate * 2];
        Random r = new Random(42);
        for (int k = 0; k < 200; k++) { // band-limited noise: random tones up to 6 kHz
            double f = 20 + r.nextDouble() * 6000;
            double ph = r.nextDouble() * 2 * Math.PI;
            double a = 0.02 * r.nextGaussian();
            for (int i = 0; i < x.length; i++) {
                x[i] += a * Math.sin(2 * Math.PI * f * i / rate + ph);
            }
        }
        Signal down = Resampler.resample(new Signal(x, rate), 16000);
        assertEquals((int) Math.ceil(x.length * 16000.0 / 22050), down.length());
        Signal back = Resampler.resample(down, rate);
        assertTrue(back.length() >= x.length && back.length() <= x.length + 2, "length " + back.length());
        int margin = 2000;
        double[] err = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            err[i] = back.samples()[i] - x[i];
        }
        double snr = 20 * Math.log10(rms(x, margin, x.length - margin) / rms(err, margin, x.length - margin));
        assertTrue(snr > 60, "round-trip SNR " + snr + " dB");
    }

    @Test
    void sameRateIsACopyAndIntegerRatiosWork() {
        Signal s = sine(440, 0.3, 16000, 1000);
        Signal same = Resampler.resample(s, 16000);
        assertNotSame(s.samples(), same.samples());
        assertArrayEquals(s.samples(), same.samples());
        Signal up = Resampler.resample(s, 48000);
        assertEquals(3000, up.length());
        for (int i = 100; i < 900; i++) { // the original samples are kept (within filter ripple)
            assertEquals(s.samples()[i], up.samples()[3 * i], 2e-4);
        }
        Signal back = Resampler.resample(up, 16000);
        assertEquals(s.length(), back.length());
        for (int i = 100; i < 900; i++) { // up then down lands on the same instants: no shift
            assertEquals(s.samples()[i], back.samples()[i], 2e-4);
        }
    }

    @Test
    void reportsProgressAndCanBeCancelled() {
        Signal s = sine(440, 0.3, 22050, 22050 * 3);
        AtomicInteger calls = new AtomicInteger();
        Resampler.resample(s, 16000, ResamplerOptions.defaults(),
                TaskMonitor.of((frac, stage) -> calls.incrementAndGet(), CancellationToken.none()));
        assertTrue(calls.get() >= 5, "progress calls " + calls.get());
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancelledException.class, () -> Resampler.resample(s, 16000, ResamplerOptions.defaults(),
                TaskMonitor.of((f, st) -> { }, token)));
    }

    @Test
    void optionsValidateAndRoundTripThroughJson() {
        ResamplerOptions o = ResamplerOptions.high();
        assertEquals(o, Json.read(Json.write(o), ResamplerOptions.class));
        assertEquals(ResamplerOptions.defaults(), Json.read(Json.write(ResamplerOptions.defaults()),
                ResamplerOptions.class));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ResamplerOptions.defaults().withPassbandEdge(1.2));
        assertTrue(e.getMessage().contains("passbandEdge"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> Json.read(
                "{\"passbandEdge\":0.9,\"stopbandAttenuationDb\":10,\"maxTaps\":100}", ResamplerOptions.class));
        InvalidParameterException taps = assertThrows(InvalidParameterException.class, () -> Resampler.resample(
                sine(1, 1, 44100, 10), 44101, ResamplerOptions.defaults().withMaxTaps(1000), TaskMonitor.none()));
        assertTrue(taps.getMessage().contains("maxTaps 1000"), taps.getMessage());
        assertThrows(InvalidParameterException.class, () -> Resampler.resample(sine(1, 1, 8000, 10), 0));
    }

    @Test
    void kaiserWindowMatchesClosedForms() {
        assertEquals(1.0, KaiserWindow.besselI0(0), 0);
        assertEquals(1.2660658777520082, KaiserWindow.besselI0(1), 1e-15);
        assertEquals(2815.716628466254, KaiserWindow.besselI0(10), 1e-9);
        assertEquals(1.0, KaiserWindow.value(5, 11, 8.6), 1e-15); // centre
        assertEquals(1 / KaiserWindow.besselI0(8.6), KaiserWindow.value(0, 11, 8.6), 1e-15);
        assertEquals(KaiserWindow.value(2, 11, 8.6), KaiserWindow.value(8, 11, 8.6), 1e-15);
    }
}
