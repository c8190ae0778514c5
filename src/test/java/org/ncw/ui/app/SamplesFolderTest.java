package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled sample is found next to the running code, not only in the working directory. */
class SamplesFolderTest {
    @Test
    void candidatesCoverTheImageAndTheBuild() {
        Path image = Path.of("/opt/ncw-image");
        List<Path> fromImage = RecordingLoader.samplesCandidates(image.resolve("app/ncw.jar"));
        assertEquals(Path.of("samples"), fromImage.get(0), "the working directory comes first");
        assertTrue(fromImage.contains(image.resolve("samples")), fromImage.toString());

        Path project = Path.of("/src/ncw");
        assertTrue(RecordingLoader.samplesCandidates(project.resolve("target/classes"))
                .contains(project.resolve("samples")));
        assertTrue(RecordingLoader.samplesCandidates(project.resolve("target/ncw.jar"))
                .contains(project.resolve("samples")));
        assertEquals(List.of(Path.of("samples")), RecordingLoader.samplesCandidates(null));
    }

    @Test
    void propertyWins() {
        String old = System.getProperty("ncw.samples");
        try {
            System.setProperty("ncw.samples", "/somewhere/else");
            assertEquals(Path.of("/somewhere/else"), RecordingLoader.samplesFolder());
        } finally {
            if (old == null) {
                System.clearProperty("ncw.samples");
            } else {
                System.setProperty("ncw.samples", old);
            }
        }
    }
}
