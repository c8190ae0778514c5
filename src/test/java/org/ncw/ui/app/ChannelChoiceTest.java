package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioClip;
import org.ncw.engine.audio.AudioWriter;
import org.ncw.engine.audio.SampleFormat;
import org.ncw.engine.core.Json;
import org.ncw.engine.core.Signal;
import org.ncw.engine.io.WriteMode;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

/** A file of several channels: the mix-down or one channel is analysed, chosen by the user and kept by a session. */
class ChannelChoiceTest {
    @TempDir
    Path dir;
    private final List<WorkbenchViewModel> vms = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private WorkbenchViewModel fresh() {
        WorkbenchViewModel v = WorkbenchViewModel.forTests(new SilentTransport());
        v.document().setErrorSink(errors::add);
        v.params().load(TestRecordings.fastParameters());
        vms.add(v);
        return v;
    }

    @AfterEach
    void close() {
        vms.forEach(v -> {
            v.preferences().clear();
            v.close();
        });
    }

    private Path stereo() throws Exception {
        Signal[] pair = TestRecordings.speechInNoise(1.0, 3);
        double[] left = pair[1].samples();
        float[] l = new float[left.length];
        float[] r = new float[left.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) left[i];
            r[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / TestRecordings.RATE));
        }
        Path file = dir.resolve("stereo.wav");
        AudioWriter.write(new AudioClip(new float[][] {l, r}, TestRecordings.RATE, null), file, SampleFormat.FLOAT32,
                WriteMode.OVERWRITE);
        return file;
    }

    @Test
    void theMixDownOpensAndEachChannelCanBeChosenAndIsKeptByTheSession() throws Exception {
        Path file = stereo();
        WorkbenchViewModel vm = fresh();
        vm.open(file);
        WorkbenchDocument doc = vm.document();
        assertEquals(2, doc.inputChannelsProperty().get());
        assertEquals(WorkbenchDocument.MIX_DOWN, doc.channelProperty().get());
        Signal right = doc.channelSignal(2);
        double mixAt = vm.inputProperty().get().samples()[100];
        assertEquals((doc.channelSignal(1).samples()[100] + right.samples()[100]) / 2, mixAt, 1e-6, "the average");

        vm.selectChannel(2);
        assertSame(right, vm.inputProperty().get());
        assertEquals(0.3 * Math.sin(2 * Math.PI * 440 * 100 / TestRecordings.RATE), right.samples()[100], 1e-6);
        assertEquals(1, doc.runs().size(), "rerun for the chosen channel");
        assertSame(right, vm.results().items().get(0).signal(), "Original is the chosen channel");
        assertEquals("channel 2 of 2", WorkbenchViewModel.channelText(2, 2));
        assertEquals("mix-down of 2 channels", WorkbenchViewModel.channelText(WorkbenchDocument.MIX_DOWN, 2));
        vm.selectChannel(3); // no such channel: nothing happens
        assertSame(right, vm.inputProperty().get());

        Path session = dir.resolve("stereo" + org.ncw.ui.session.SessionFile.SUFFIX);
        vm.saveSession(session, f -> { });
        JsonNode rec = Json.mapper().readTree(Files.readString(session)).get("recording");
        assertEquals(2, rec.get("channels").asInt());
        assertEquals(2, rec.get("channel").asInt());

        WorkbenchViewModel again = fresh();
        again.open(session);
        assertEquals(List.of(), errors);
        assertEquals(2, again.document().channelProperty().get());
        assertEquals(right.samples()[100], again.inputProperty().get().samples()[100], 1e-9);
        assertEquals(vm.sessions().captureView(), again.sessions().captureView());
    }
}
