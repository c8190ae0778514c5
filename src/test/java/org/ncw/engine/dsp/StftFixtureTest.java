package org.ncw.engine.dsp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.core.TaskMonitor;

import java.io.InputStream;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares against src/test/resources/fixtures/stft/stft_cases.json (src/test/python/make_stft_fixtures.py). */
class StftFixtureTest {
    private static JsonNode doc;
    private static Signal signal;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = StftFixtureTest.class.getResourceAsStream("/fixtures/stft/stft_cases.json")) {
            doc = Json.mapper().readTree(in);
        }
        signal = new Signal(doubles(doc.get("signal")), doc.get("sample_rate").asInt());
    }

    @Test
    void forwardMatchesReferenceAndMaskedInverseMatchesReferenceIstft() {
        assertEquals(4, doc.get("cases").size());
        for (JsonNode c : doc.get("cases")) {
            StftOptions o = new StftOptions(c.get("n_fft").asInt(), c.get("hop").asInt(), c.get("win").asInt(),
                    WindowType.valueOf(c.get("window").asText().toUpperCase(Locale.ROOT)), c.get("center").asBoolean(),
                    PadMode.valueOf(c.get("pad_mode").asText().toUpperCase(Locale.ROOT)));
            ComplexSpectrogram spec = Stft.forward(signal, o);
            assertEquals(c.get("bins").asInt(), spec.bins(), o.toString());
            assertEquals(c.get("frames").asInt(), spec.frames(), o.toString());
            double[] re = doubles(c.get("re"));
            double[] im = doubles(c.get("im"));
            double scale = 0;
            for (int i = 0; i < re.length; i++) {
                scale = Math.max(scale, Math.hypot(re[i], im[i]));
            }
            for (int i = 0; i < re.length; i++) {
                assertEquals(re[i], spec.re()[i], 1e-5 * scale, o + " re[" + i + "]");
                assertEquals(im[i], spec.im()[i], 1e-5 * scale, o + " im[" + i + "]");
            }

            double[] mre = spec.re().clone();
            double[] mim = spec.im().clone();
            JsonNode mask = c.get("mask");
            for (int i = 0; i < mre.length; i++) {
                mre[i] *= mask.get(i).asInt();
                mim[i] *= mask.get(i).asInt();
            }
            double[] expected = doubles(c.get("istft_masked"));
            Signal y = Stft.inverse(spec.withValues(mre, mim), expected.length, TaskMonitor.none());
            double err = 0;
            double ref = 0;
            for (int i = 0; i < expected.length; i++) {
                err = Math.max(err, Math.abs(expected[i] - y.samples()[i]));
                ref = Math.max(ref, Math.abs(expected[i]));
            }
            assertTrue(err <= 1e-5 * ref, o + ": max istft error " + err + " vs peak " + ref);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
