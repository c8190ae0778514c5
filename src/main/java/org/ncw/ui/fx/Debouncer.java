package org.ncw.ui.fx;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs an action once a burst of requests has been quiet for a while; a new request restarts the wait. */
public interface Debouncer {
    void request(Runnable action);

    void cancel();

    /** Waits {@code millis} on the FX animation clock (no timer runs while nothing is pending). */
    static Debouncer fx(double millis) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        return new Debouncer() {
            @Override
            public void request(Runnable action) {
                pause.setOnFinished(e -> action.run());
                pause.playFromStart();
            }

            @Override
            public void cancel() {
                pause.stop();
            }
        };
    }

    /** Runs at once (tests on the calling thread). */
    static Debouncer immediate() {
        return new Debouncer() {
            @Override
            public void request(Runnable action) {
                action.run();
            }

            @Override
            public void cancel() {
            }
        };
    }
}
