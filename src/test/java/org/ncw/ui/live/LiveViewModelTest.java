package org.ncw.ui.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.engine.core.Signal;
import org.ncw.engine.live.BlockSink;
import org.ncw.engine.live.BlockSource;
import org.ncw.engine.live.LiveOptions;
import org.ncw.engine.live.MemorySink;
import org.ncw.engine.live.PacedSignalSource;
import org.ncw.engine.stream.StreamingDenoiser;
import org.ncw.engine.stream.StreamingDenoiserOptions;

/** Live mode's view model without a window: fake devices, the work on a plain thread, "FX" callbacks inline. */
class LiveViewModelTest {
    /** No capture device, one playback device (memory); files play on a clock that never waits. */
    static class FakeDevices implements LiveDevices {
        final MemorySink sink = new MemorySink();
        final Signal signal;

        FakeDevices(Signal signal) {
            this.signal = signal;
        }

        @Override
        public List<String> captureDevices(int sampleRate) {
            return List.of();
        }

        @Override
        public List<String> playbackDevices(int sampleRate) {
            return List.of("memory");
        }

        @Override
        public BlockSource openCapture(String name, LiveOptions options) {
            throw new AssertionError("no capture device");
        }

        @Override
        public BlockSink openPlayback(String name, LiveOptions options) {
            return sink;
        }

        @Override
        public BlockSource openFile(Path file, boolean loop) {
            long[] now = {0};
            return new PacedSignalSource(signal, file.getFileName().toString(), loop, 1,
                    new PacedSignalSource.Clock() {
                        @Override
                        public long nanoTime() {
                            return now[0];
                        }

                        @Override
                        public void sleepNanos(long nanos) {
                            now[0] += nanos;
                        }
                    });
        }
    }

    private static Signal tone() {
        double[] x = new double[16000];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.01 * r.nextGaussian() + (i > 4000 ? 0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0) : 0);
        }
        return new Signal(x, 16000);
    }

    @Test
    void withoutACaptureDeviceItSaysSoAndPlaysAFileAsAMicrophone(@TempDir Path dir) throws Exception {
        Signal x = tone();
        FakeDevices devices = new FakeDevices(x);
        LiveViewModel vm = new LiveViewModel(devices, r -> new Thread(r).start(), Runnable::run);
        assertFalse(vm.captureAvailable());
        assertEquals(LiveViewModel.NO_CAPTURE, vm.statusProperty().get());
        assertEquals(List.of(LiveViewModel.FILE_INPUT), vm.inputs());
        assertEquals(LiveViewModel.FILE_INPUT, vm.inputProperty().get());
        assertEquals("memory", vm.outputProperty().get());

        CountDownLatch ended = new CountDownLatch(1);
        vm.runningProperty().addListener((o, a, b) -> {
            if (!b) {
                ended.countDown();
            }
        });
        vm.loopFileProperty().set(false);
        vm.fileProperty().set(dir.resolve("tone.wav"));
        vm.start();
        assertTrue(ended.await(30, TimeUnit.SECONDS));
        assertEquals("Live mode stopped", vm.statusProperty().get());
        double[] y = StreamingDenoiser.fit(x, StreamingDenoiserOptions.defaults(),
                org.ncw.engine.core.TaskMonitor.none()).enhanced().samples();
        double[] want = new double[x.length()];
        System.arraycopy(y, 0, want, 640, x.length() - 640);
        assertArrayEquals(want, devices.sink.samples());
        vm.refresh();
        assertTrue(vm.latencyProperty().get().startsWith("50.0 ms = 40.0 algorithmic (640 samples) + 10.0 block"),
                vm.latencyProperty().get());
        assertTrue(vm.droppedProperty().get().startsWith("0 "), vm.droppedProperty().get());
    }

    @Test
    void theLiveParametersMakeValidatedOptionsAndAFileIsNeeded() {
        LiveViewModel vm = new LiveViewModel(new FakeDevices(tone()), Runnable::run, Runnable::run);
        vm.gainFloorDbProperty().set(-12);
        assertEquals(-12, vm.options().gainFloorDb());
        vm.gainFloorDbProperty().set(-200);
        assertEquals(-12, vm.options().gainFloorDb(), "an invalid value is refused");
        assertTrue(vm.statusProperty().get().contains("gainFloorDb"), vm.statusProperty().get());
        vm.start();
        assertEquals("Choose a file to play as a microphone", vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        vm.toggleHeard();
        assertFalse(vm.denoisedHeardProperty().get());
    }

    /** Live mode starts from the experiment's streaming block, every field of it, not only the panel's three. */
    @Test
    void liveModeStartsFromTheExperimentsStreamingSettings() {
        LiveViewModel vm = new LiveViewModel(new FakeDevices(tone()), Runnable::run, Runnable::run);
        org.ncw.engine.stream.StreamingDenoiserOptions d = org.ncw.engine.stream.StreamingDenoiserOptions.defaults();
        org.ncw.engine.stream.StreamingDenoiserOptions chosen = new org.ncw.engine.stream.StreamingDenoiserOptions(
                d.hopSeconds(), d.analysisSeconds(), d.initSeconds(), d.noiseSeconds(), d.minimumSeconds(),
                d.minimumBias(), d.presenceSmoothHz(), d.presenceSmoothFraction(), d.presenceThreshold(),
                d.presenceSlope(), 0.7, d.minPriorSnrDb(), 0.8, -20, 80, 0.5, d.maskModel(), 0);
        vm.useOptions(chosen);
        assertEquals(chosen, vm.options());
        assertEquals(-20, vm.gainFloorDbProperty().get());
        assertEquals(80, vm.lowCutHzProperty().get());
        vm.gainFloorDbProperty().set(-25);
        assertEquals(0.7, vm.options().ddAlpha(), "fields the panel does not show are kept");
        assertEquals(-25, vm.options().gainFloorDb());
    }
}
