package org.ncw.ui.app;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The single-key shortcuts (1–9 choose a result, A toggles A/B, Space plays/pauses, Esc cancels) work wherever
 * the focus is, except inside a text field being edited, where keys type. Pressing the mouse anywhere outside a
 * text field or choice box ends the edit (the field commits its value and gives up the focus), so clicking a view
 * or a result and pressing a key never types into a parameter field.
 */
public final class Shortcuts {
    /** Every shortcut and gesture, for the help dialog: key, what it does. */
    public static final List<String[]> ALL = List.of(
            new String[] {"Space", "play / pause"},
            new String[] {"1 – 9", "hear result n (keeps the position)"},
            new String[] {"A", "A/B: back to the result heard before"},
            new String[] {"Esc", "cancel the run (in a field: drop the edit)"},
            new String[] {"Enter", "apply the value typed in a field"},
            new String[] {"L", "label overlay on/off"},
            new String[] {"F", "fit the whole recording"},
            new String[] {"= / −", "zoom in / out around the playhead"},
            new String[] {"Z", "zoom to the selection"},
            new String[] {"F5", "run now"},
            new String[] {"Ctrl+Z / Ctrl+Shift+Z", "undo / redo a parameter change"},
            new String[] {"Ctrl+O / Ctrl+E / Ctrl+Q", "open a recording / export / quit"},
            new String[] {"Ctrl+S / Ctrl+Shift+S", "save the session / save it as"},
            new String[] {"Ctrl+Shift+O", "open a session (.ncw-session.json)"},
            new String[] {"Ctrl+L", "live mode (the Live tab)"},
            new String[] {"B", "live mode: hear raw / denoised (gapless, 8 ms crossfade)"},
            new String[] {"F1", "this list"},
            new String[] {"wheel", "zoom time around the pointer"},
            new String[] {"Shift + wheel", "zoom the spectrogram's frequency axis around the pointer"},
            new String[] {"Shift+F", "show all frequencies again"},
            new String[] {"drag / shift-drag / click", "pan / select / seek"});

    private final WorkbenchViewModel vm;

    private Shortcuts(WorkbenchViewModel vm) {
        this.vm = vm;
    }

    public static void install(Scene scene, WorkbenchViewModel vm) {
        Shortcuts s = new Shortcuts(vm);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> s.keyPressed(scene, e));
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl && !within(e.getTarget(), TextInputControl.class)
                    && !within(e.getTarget(), ComboBoxBase.class)) {
                scene.getRoot().requestFocus();
            }
        });
    }

    private static boolean within(Object target, Class<?> type) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    private void keyPressed(Scene scene, KeyEvent e) {
        if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        KeyCode c = e.getCode();
        if (c.isDigitKey() && c != KeyCode.DIGIT0 && c != KeyCode.NUMPAD0) {
            vm.results().selectNumber(digit(c));
            e.consume();
        } else if (c == KeyCode.A) {
            vm.results().toggleAB();
            e.consume();
        } else if (c == KeyCode.SPACE) {
            vm.togglePlay();
            e.consume();
        } else if (c == KeyCode.ESCAPE) {
            vm.cancel();
            e.consume();
        }
    }

    private static int digit(KeyCode c) {
        String name = c.getName();
        return name.charAt(name.length() - 1) - '0';
    }
}
