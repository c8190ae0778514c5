package org.ncw.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ncw.engine.core.Signal;
import org.ncw.engine.live.BlockSource;
import org.ncw.engine.live.PacedSignalSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Live panel in a window (Monocle): start from a file at real-time pace, B switches, the figures fill in. */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {
    private LiveViewModel vm;

    @Start
    void start(Stage stage) {
        double[] x = new double[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.2 * Math.sin(2 * Math.PI * 300 * i / 16000.0);
        }
        Signal s = new Signal(x, 16000);
        LiveViewModelTest.FakeDevices devices = new LiveViewModelTest.FakeDevices(s) {
            @Override
            public BlockSource openFile(Path file, boolean loop) {
                return new PacedSignalSource(s, "tone", loop); // the real clock
            }
        };
        vm = new LiveViewModel(devices, r -> new Thread(r).start(), Platform::runLater);
        vm.fileProperty().set(Path.of("tone.wav"));
        stage.setScene(new Scene(new LiveView(vm), 1100, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.stop();
    }

    @Test
    void startsFromAFileAndBSwitchesWhatIsHeard(FxRobot robot) throws Exception {
        assertEquals(LiveViewModel.NO_CAPTURE, robot.lookup("#live-status").queryAs(Label.class).getText());
        robot.clickOn("#live-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.engine() != null && vm.engine().stats().blocks() > 20);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.runningProperty().get());
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.denoisedHeardProperty().get());
        assertFalse(vm.engine().denoisedHeard(), "the engine follows the key");
        assertEquals("Hearing: raw (B)", robot.lookup("#live-heard").queryAs(ToggleButton.class).getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#live-latency").queryAs(Label.class).getText().contains("40.0 algorithmic"));
        assertTrue(robot.lookup("#live-dropped").queryAs(Label.class).getText().startsWith("0 "));
        robot.clickOn("#live-start");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
    }
}
