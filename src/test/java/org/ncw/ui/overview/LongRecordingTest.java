package org.ncw.ui.overview;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.audio.AudioReader;
import org.ncw.engine.core.Signal;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording over the long-recording threshold opens as a span with an overview of the whole file (threshold
 * lowered to 5 s, a 20 s file, 4 s spans), runs the workbench on the span, and picking on the overview loads another
 * span; a short file opens whole.
 */
class LongRecordingTest {
    @TempDir
    Path dir;
    private WorkbenchViewModel vm;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void create() {
        vm = WorkbenchViewModel.forTests(new SilentTransport());
        vm.document().setErrorSink(errors::add);
        vm.params().load(TestRecordings.fastParameters());
        vm.overview().thresholdSecondsProperty().set(5);
        vm.overview().spanSecondsProperty().set(4);
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    @Test
    void aLongRecordingOpensAsASpanWithAnOverviewAndPickingLoadsAnother() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "long", 20);
        double[] whole = AudioReader.readMono(noisy).samples();
        double[] cleanWhole = AudioReader.readMono(dir.resolve("long.clean.wav")).samples();
        int rate = TestRecordings.RATE;
        vm.open(noisy);
        assertEquals(List.of(), errors);
        OverviewViewModel o = vm.overview();
        assertTrue(o.activeProperty().get());
        assertEquals(20, o.durationSecondsProperty().get(), 1e-9);
        Signal input = vm.document().inputProperty().get();
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 4 * rate), input.samples(), 1e-12, "the first 4 s");
        assertArrayEquals(Arrays.copyOfRange(cleanWhole, 0, 4 * rate), vm.referenceProperty().get().samples(), 1e-12,
                "the reference's same span");
        assertFalse(vm.results().items().isEmpty(), "the workbench ran on the span");
        assertEquals("long.noisy.wav [0:00–0:04]", vm.document().inputNameProperty().get(), "the span is named");
        // the overview arrives from its own worker
        long until = System.currentTimeMillis() + 20_000;
        while (o.overviewProperty().get() == null && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertNotNull(o.overviewProperty().get(), "overview computed");
        assertEquals(20L * rate, o.overviewProperty().get().frames());

        o.pick(10); // the span centred on 10 s
        assertEquals(8, o.spanStartProperty().get(), 1e-9);
        assertArrayEquals(Arrays.copyOfRange(whole, 8 * rate, 12 * rate),
                vm.document().inputProperty().get().samples(), 1e-12, "8-12 s");
        o.pick(19.5); // clamped to the end
        assertEquals(16, o.spanStartProperty().get(), 1e-9);
        assertEquals(List.of(), errors);
    }

    @Test
    void aShortRecordingOpensWhole() throws Exception {
        Path noisy = TestRecordings.writePair(dir, "short", 3);
        vm.open(noisy);
        assertFalse(vm.overview().activeProperty().get());
        assertEquals(3 * TestRecordings.RATE, vm.document().inputProperty().get().length());
    }
}
