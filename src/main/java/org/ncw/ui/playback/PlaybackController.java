package org.ncw.ui.playback;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ncw.engine.core.Signal;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.document.WorkbenchDocument;
import org.ncw.ui.timeline.TimeViewport;

/**
 * Playback of the selected result: play/pause/stop, seeking, looping the selection and level matching. Switching
 * the result keeps the position (the A/B switch). {@link #playingProperty()} follows the transport: it turns off
 * when playback ends or the device fails.
 */
public final class PlaybackController {
    private final WorkbenchDocument doc;
    private final TimeViewport viewport;
    private final Transport transport;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final BooleanProperty levelMatched = new SimpleBooleanProperty(true);
    private final BooleanProperty loopSelection = new SimpleBooleanProperty(false);
    private final StringProperty audioStatus = new SimpleStringProperty("");
    private Signal override; // a signal heard in place of the selected result (another run's, when comparing)

    public PlaybackController(WorkbenchDocument doc, TimeViewport viewport, Transport transport) {
        this.doc = doc;
        this.viewport = viewport;
        this.transport = transport;
        if (transport.deviceMissing()) {
            audioStatus.set(Player.NO_DEVICE);
        }
        doc.results().selectedProperty().addListener((o, a, b) -> {
            override = null;
            updateSource();
        });
        levelMatched.addListener(o -> updateSource());
        loopSelection.addListener(o -> updateLoop());
        viewport.selectionStartProperty().addListener(o -> updateLoop());
        viewport.selectionEndProperty().addListener(o -> updateLoop());
    }

    /** The device reported a problem (called on the FX thread). */
    public void deviceFailed(String message) {
        audioStatus.set(message);
        playing.set(false);
    }

    private void updateSource() {
        Output o = doc.results().selectedProperty().get();
        Signal original = doc.inputProperty().get();
        Signal heard = override != null ? override : o == null ? null : o.signal();
        if (heard == null || original == null) {
            return;
        }
        double gain = levelMatched.get() ? LevelMatch.gain(heard, original) : 1;
        transport.setSource(heard, gain);
    }

    /**
     * Hears {@code signal} (e.g. another run's result) in place of the selected result, from the same position and
     * level-matched like the results' A/B; choosing a result in the list, or {@link #hearResults()}, ends it.
     */
    public void hear(Signal signal) {
        override = signal;
        updateSource();
    }

    /** Back to the selected result of the results list. */
    public void hearResults() {
        override = null;
        updateSource();
    }

    private void updateLoop() {
        if (loopSelection.get() && viewport.hasSelection()) {
            transport.setLoop(viewport.selectionStartProperty().get(), viewport.selectionEndProperty().get());
        } else {
            transport.setLoop(Double.NaN, Double.NaN);
        }
    }

    public void togglePlay() {
        if (transport.isPlaying()) {
            transport.pause();
            playing.set(false);
            return;
        }
        if (loopSelection.get() && viewport.hasSelection()) {
            transport.seek(viewport.selectionStartProperty().get());
        } else {
            transport.seek(viewport.playheadProperty().get());
        }
        boolean ok = transport.play();
        playing.set(ok);
        if (!ok && transport.deviceMissing()) {
            audioStatus.set(Player.NO_DEVICE);
        }
    }

    public void pause() {
        transport.pause();
        playing.set(false);
    }

    public void stop() {
        pause();
        seek(viewport.hasSelection() ? viewport.selectionStartProperty().get() : 0);
    }

    public void seek(double seconds) {
        transport.seek(seconds);
        viewport.playheadProperty().set(seconds);
    }

    /** Copies the heard position into the playhead; called once per frame while {@link #playingProperty()}. */
    public void tick() {
        if (transport.isPlaying()) {
            viewport.playheadProperty().set(transport.positionSeconds());
            double t = viewport.playheadProperty().get();
            if (t > viewport.end()) {
                viewport.setWindow(t, t + viewport.span());
            }
        } else if (playing.get()) {
            playing.set(false);
        }
    }

    public Transport transport() {
        return transport;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public BooleanProperty levelMatchedProperty() {
        return levelMatched;
    }

    public BooleanProperty loopSelectionProperty() {
        return loopSelection;
    }

    public StringProperty audioStatusProperty() {
        return audioStatus;
    }
}
