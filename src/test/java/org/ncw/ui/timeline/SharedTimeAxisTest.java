package org.ncw.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ncw.ui.scatter.ScatterView;
import org.ncw.ui.scatter.ScatterViewModel;
import org.ncw.ui.spectrogram.SpectrogramView;
import org.ncw.ui.spectrogram.SpectrogramViewModel;
import org.ncw.ui.waveform.WaveformView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Waveform, spectrogram and 3D-table scatter draw a time at the same x, whatever the window and zoom. */
@ExtendWith(ApplicationExtension.class)
class SharedTimeAxisTest {
    private final TimeViewport viewport = new TimeViewport();
    private List<TimelinePlot> views;

    @Start
    void start(Stage stage) {
        views = List.of(new WaveformView(viewport, t -> { }),
                new SpectrogramView(new SpectrogramViewModel(), viewport, t -> { }),
                new ScatterView(new ScatterViewModel(), viewport, t -> { }));
    }

    @Test
    void timeMapsToTheSameXInEveryView(FxRobot robot) {
        double[][] windows = {{0, 11.5}, {2, 5}, {7.25, 7.5}};
        for (double width : new double[] {700, 1013}) {
            robot.interact(() -> views.forEach(v -> v.resize(width, 240)));
            double plotW = width - TimelinePlot.LEFT - TimelinePlot.RIGHT;
            for (double[] win : windows) {
                robot.interact(() -> {
                    viewport.reset(11.5);
                    viewport.setWindow(win[0], win[1]);
                });
                for (double t : new double[] {win[0], (win[0] + win[1]) / 2, win[1], 10}) {
                    // independent reference: linear map of [start, end] onto [LEFT, LEFT + plotW]
                    double expected = TimelinePlot.LEFT + (t - win[0]) / (win[1] - win[0]) * plotW;
                    for (TimelinePlot v : views) {
                        assertEquals(plotW, v.plotWidth(), 1e-9, v.getClass().getSimpleName() + " plot width");
                        assertEquals(expected, v.timeToViewX(t), 1e-9,
                                v.getClass().getSimpleName() + " x of t=" + t + " in window " + win[0] + ".." + win[1]);
                    }
                }
            }
        }
    }
}
