package org.ncw.ui.playback;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.SegmentedButton;
import org.ncw.ui.analysis.Output;
import org.ncw.ui.results.ResultsViewModel;

/**
 * The playback controls a toolbar shows: Play/Pause (its label follows the transport), Stop, Loop, the A/B
 * toggle, the A/B pair as a segmented button naming the two results compared (the selected one is being heard;
 * fixed widths, so the controls after it do not shift) and level matching.
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
        // A/B as two segments naming the results compared; the selected one is heard, the other a click away
        ToggleButton a = new ToggleButton();
        ToggleButton b = new ToggleButton();
        a.setId("ab-a");
        b.setId("ab-b");
        SegmentedButton pair = new SegmentedButton(a, b);
        pair.setId("now-hearing");
        pair.getStyleClass().add(SegmentedButton.STYLE_CLASS_DARK);
        for (ToggleButton t : List.of(a, b)) {
            t.setFocusTraversable(false);
            t.setMinWidth(96);
            t.setMaxWidth(150);
            t.setOnAction(e -> {
                Output o = (Output) t.getUserData();
                if (o != null) {
                    results.selectNumber(results.items().indexOf(o) + 1);
                }
                showPair(results, a, b);
            });
        }
        results.selectedProperty().addListener((o, x, y) -> showPair(results, a, b));
        showPair(results, a, b);
        controls = List.of(play, stop, loop, ab, pair, match);
    }

    private static void showPair(ResultsViewModel results, ToggleButton a, ToggleButton b) {
        List<Output> pair = results.abPair();
        Output heard = results.selectedProperty().get();
        ToggleButton[] slots = {a, b};
        for (int i = 0; i < 2; i++) {
            Output o = pair.size() > i ? pair.get(i) : null;
            ToggleButton t = slots[i];
            t.setUserData(o);
            t.setText(o == null ? (i == 0 ? "A" : "B") : (i == 0 ? "A · " : "B · ")
                    + (results.items().indexOf(o) + 1) + " " + o.name());
            t.setTooltip(o == null ? null : new Tooltip(o.name() + " — " + o.settings()));
            t.setSelected(o != null && o == heard && (i == 0 || pair.get(0) != o));
            t.setDisable(o == null);
        }
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
