package org.ncw.ui.playback;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.ncw.ui.results.ResultsViewModel;

/**
 * The playback controls a toolbar shows: Play/Pause (its label follows the transport), Stop, Loop, A/B,
 * level matching and what is being heard (fixed width, so the controls after it do not shift).
 */
public final class TransportBar {
    private final Button play = new Button();
    private final List<Node> controls;

    public TransportBar(PlaybackController playback, ResultsViewModel results) {
        play.setId("btn-play");
        play.setFocusTraversable(false);
        play.setMinWidth(92);
        play.setOnAction(e -> playback.togglePlay());
        showState(play, playback.playingProperty().get());
        playback.playingProperty().addListener((o, a, b) -> showState(play, b));
        Button stop = button("■", "Stop and rewind", playback::stop);
        stop.setId("btn-stop");
        ToggleButton loop = new ToggleButton("Loop");
        loop.setFocusTraversable(false);
        loop.setTooltip(new Tooltip("Loop the selection (shift-drag on a view to select)"));
        loop.selectedProperty().bindBidirectional(playback.loopSelectionProperty());
        Button ab = button("A/B", "Back to the previous result at the same position (A)", results::toggleAB);
        ab.setId("btn-ab");
        CheckBox match = new CheckBox("Level-matched");
        match.setFocusTraversable(false);
        match.setTooltip(new Tooltip("Play every result at the loudness of the original"));
        match.selectedProperty().bindBidirectional(playback.levelMatchedProperty());
        Label hearing = new Label();
        hearing.setId("now-hearing");
        hearing.getStyleClass().add("now-hearing");
        hearing.setMinWidth(170);
        hearing.setPrefWidth(170);
        hearing.setMaxWidth(170);
        results.selectedProperty().addListener((o, a, b) -> {
            hearing.setText(b == null ? "" : "Hearing: " + (results.selectedIndexProperty().get() + 1) + " · " + b.name());
            hearing.setTooltip(b == null ? null : new Tooltip(b.name() + " — " + b.settings()));
        });
        controls = List.of(play, stop, loop, ab, match, hearing);
    }

    private static void showState(Button play, boolean playing) {
        play.setText(playing ? "❚❚  Pause" : "▶  Play");
        play.setTooltip(new Tooltip((playing ? "Pause" : "Play") + " (Space)"));
    }

    /** A toolbar button that never takes the keyboard focus (so Space and the number keys stay shortcuts). */
    public static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    public List<Node> controls() {
        return controls;
    }

    public Button playButton() {
        return play;
    }
}
