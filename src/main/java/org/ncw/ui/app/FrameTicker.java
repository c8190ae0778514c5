package org.ncw.ui.app;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.BooleanExpression;

/**
 * Calls an action once per frame only while {@code active} holds (playing, running, exporting) and stops
 * otherwise, so an idle window schedules no frames and uses no CPU.
 */
final class FrameTicker {
    private FrameTicker() {
    }

    static AnimationTimer whileActive(BooleanExpression active, Runnable perFrame, Runnable onStop) {
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                perFrame.run();
            }
        };
        active.addListener((o, was, now) -> {
            if (now) {
                timer.start();
            } else {
                timer.stop();
                onStop.run();
            }
        });
        if (active.get()) {
            timer.start();
        }
        return timer;
    }
}
