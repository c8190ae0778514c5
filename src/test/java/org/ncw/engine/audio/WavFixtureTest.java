package org.ncw.engine.audio;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncw.engine.core.Json;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Files written by SoX, checked against the samples scipy.io.wavfile reads from them (make_wav_fixtures.py). */
class WavFixtureTest {
    private static JsonNode expected;
    private static Path dir;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        dir = Path.of(WavFixtureTest.class.getResource("/fixtures/audio/sox/expected.json").toURI()).getParent();
        expected = Json.mapper().readTree(dir.resolve("expected.json").toFile());
    }

    @ParameterizedTest
    @CsvSource({"u8.wav, PCM_UNSIGNED, 8", "s16.wav, PCM_SIGNED, 16", "s24.wav, PCM_SIGNED, 24",
            "s32.wav, PCM_SIGNED, 32", "f32.wav, FLOAT, 32", "f64.wav, FLOAT, 64"})
    void wavMatchesScipy(String name, SampleEncoding encoding, int bits) throws IOException {
        AudioClip clip = AudioReader.read(dir.resolve(name));
        assertEquals(encoding, clip.info().encoding(), name);
        assertEquals(bits, clip.info().bitsPerSample(), name);
        assertShape(clip);
        assertSamples(expected.get("files").get(name), clip, 1e-7, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s16.aiff", "s16.au"})
    void aiffAndAuCarryTheSameSamplesAsTheWav(String name) throws IOException {
        AudioClip clip = AudioReader.read(dir.resolve(name));
        assertEquals(name.endsWith("aiff") ? AudioContainer.AIFF : AudioContainer.AU, clip.info().container());
        assertShape(clip);
        assertSamples(expected.get("files").get("s16.wav"), clip, 0, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fl32.aifc", "f64.au"})
    void floatAiffCAndAuCarryTheSourceSamples(String name) throws IOException {
        AudioClip clip = AudioReader.read(dir.resolve(name));
        assertEquals(SampleEncoding.FLOAT, clip.info().encoding(), name);
        assertShape(clip);
        assertSamples(expected.get("source"), clip, 6e-8, name); // float32 rounding of values below 1
    }

    @ParameterizedTest
    @ValueSource(strings = {"ulaw.au", "alaw.au"})
    void g711IsExpandedWithinItsQuantisation(String name) throws IOException {
        AudioClip clip = AudioReader.read(dir.resolve(name));
        assertEquals(name.startsWith("ulaw") ? SampleEncoding.MU_LAW : SampleEncoding.A_LAW, clip.info().encoding());
        assertShape(clip);
        assertSamples(expected.get("source"), clip, 0.9 / 32 + 1e-3, name); // a G.711 step is <= 1/32 of the value
    }

    private static void assertShape(AudioClip clip) {
        assertEquals(expected.get("sample_rate").asInt(), clip.sampleRate());
        assertEquals(2, clip.channelCount());
        assertEquals(200, clip.frames());
    }

    private static void assertSamples(JsonNode channels, AudioClip clip, double tolerance, String name) {
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < clip.frames(); i++) {
                assertEquals(channels.get(c).get(i).asDouble(), clip.channels()[c][i], tolerance,
                        name + " channel " + c + " frame " + i);
            }
        }
    }
}
