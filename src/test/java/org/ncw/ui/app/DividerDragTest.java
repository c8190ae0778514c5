package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;
import org.ncw.ui.timeline.TimelinePlot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dragging a divider between the time-axis views: the axes are redrawn at once, so the content must cover the new
 * plot area at once too (the last frame stretched) instead of leaving part of it empty until the render is done.
 */
@ExtendWith(ApplicationExtension.class)
class DividerDragTest {
    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm = WorkbenchViewModel.forTests(new SilentTransport());
        vm.params().load(TestRecordings.fastParameters());
        window = new MainWindow(vm);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    @Test
    void midDragEveryViewsContentCoversItsPlotAreaBeforeTheNewFrameIsRendered(FxRobot robot) throws Exception {
        robot.interact(() -> vm.setInput(TestRecordings.speechInNoise(1.5, 5)[1], "drag"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.spectrogramView().framesShown() > 0);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane split = robot.lookup("#timeline-split").queryAs(SplitPane.class);
        List<TimelinePlot> views = List.of(window.timeline().waveform(), window.timeline().spectrogramView(),
                window.timeline().scatterView());
        double[] before = new double[3];
        double[][] after = new double[3][];
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) {
                before[i] = views.get(i).plotHeight();
            }
            // one step of a drag: the first divider much lower, laid out now, no render has come back yet
            double[] pos = split.getDividerPositions();
            split.setDividerPositions(pos[0] + 0.15, pos[1]);
            split.getScene().getRoot().layout();
            for (int i = 0; i < 3; i++) {
                TimelinePlot v = views.get(i);
                Bounds b = v.contentBounds();
                after[i] = new double[] {v.plotWidth(), v.plotHeight(), b.getMinX(), b.getMinY(), b.getWidth(),
                    b.getHeight()};
            }
        });
        assertTrue(after[0][1] > before[0] + 40, "the waveform grew: " + before[0] + " -> " + after[0][1]);
        assertTrue(after[1][1] < before[1] - 40, "the spectrogram shrank: " + before[1] + " -> " + after[1][1]);
        for (int i = 0; i < 3; i++) {
            String name = views.get(i).getId();
            assertEquals(0, after[i][2], 1e-9, name);
            assertEquals(0, after[i][3], 1e-9, name);
            assertEquals(after[i][0], after[i][4], 1.0, name + " content spans the plot width");
            assertEquals(after[i][1], after[i][5], 1.0, name + " content spans the plot height");
        }
    }
}
