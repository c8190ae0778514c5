package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ncw.ui.testing.SilentTransport;
import org.ncw.ui.testing.TestRecordings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Keyboard focus in the real window (Monocle): shortcuts work wherever the focus is, a field takes keys only
 * while it is being edited, and a value reaches the analysis once, when the edit ends.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchKeyboardTest {
    @TempDir
    static Path dir;
    private WorkbenchViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        vm = WorkbenchViewModel.forTests(new SilentTransport());
        vm.params().load(TestRecordings.fastParameters());
        window = new MainWindow(vm);
        stage.setScene(WorkbenchApp.createScene(window));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(TestRecordings.writePair(dir, "keys", 1.0));
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    private TextField gamma(FxRobot robot) {
        return robot.lookup("#param-gamma").queryAs(TextField.class);
    }

    /** Clicks into the field, selects its text and types {@code text} key by key. */
    private void typeInto(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aValueTypedKeyByKeyRunsOnceWhenTheEditEndsAndKeysThenActAsShortcuts(FxRobot robot) {
        int runs = vm.document().runs().size();
        typeInto(robot, gamma(robot), "1.035");
        assertEquals("1.035", gamma(robot).getText());
        assertEquals(runs, vm.document().runs().size(), "no run per intermediate value (1, 1.0, 1.03, ...)");
        robot.clickOn("#waveform");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.035, vm.params().parametersProperty().get().real("gamma"));
        assertEquals(runs + 1, vm.document().runs().size(), "exactly one run for the finished value");

        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Residue", window.heard().name(), "3 chose the third result");
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Original", window.heard().name(), "A went back to the result heard before");
        assertEquals("1.035", gamma(robot).getText(), "shortcut keys never edit a field that is not being edited");
    }

    @Test
    void numberKeysAfterClickingAResultAndSpaceTogglesPlayAndPause(FxRobot robot) {
        typeInto(robot, gamma(robot), "0.75");
        robot.clickOn("#results-list");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Speech", window.heard().name());
        assertEquals("0.75", gamma(robot).getText());
        ToggleButton a = robot.lookup("#ab-a").queryAs(ToggleButton.class);
        ToggleButton b = robot.lookup("#ab-b").queryAs(ToggleButton.class);
        assertEquals("A · 1 Original", a.getText());
        assertEquals("B · 2 Speech", b.getText());
        assertTrue(b.isSelected() && !a.isSelected(), "the heard result is the selected segment");
        robot.clickOn(a);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Original", window.heard().name());
        assertTrue(a.isSelected() && !b.isSelected());
        assertEquals("B · 2 Speech", b.getText(), "the pair keeps its order when switching");
        robot.clickOn(b);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Speech", window.heard().name());
        Button play = robot.lookup("#btn-play").queryAs(Button.class);
        assertTrue(play.getText().contains("Play"), play.getText());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.playingProperty().get());
        assertTrue(play.getText().contains("Pause"), "the button shows the transport state: " + play.getText());
        robot.clickOn(play);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.playingProperty().get());
        assertTrue(play.getText().contains("Play"), play.getText());
    }

    @Test
    void lettersTypedInAFieldNeitherTriggerMenuShortcutsNorLeaveTheField(FxRobot robot) {
        robot.interact(() -> vm.viewport().setWindow(0.2, 0.4));
        typeInto(robot, gamma(robot), "2f");
        assertEquals(0.2, vm.viewport().span(), 1e-9, "F (fit) typed into a field does not fit the view");
        assertEquals("2f", gamma(robot).getText());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vm.params().textProperty("gamma").get(), gamma(robot).getText(), "Esc drops the edit");
        assertFalse(robot.lookup("#error-gamma").queryAs(Label.class).isVisible());
    }

    @Test
    void helpListsEveryShortcutAndUndoIsInTheEditMenu(FxRobot robot) {
        typeInto(robot, gamma(robot), "0.6");
        robot.type(KeyCode.ENTER);
        robot.clickOn("#waveform");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TestRecordings.fastParameters().real("gamma"), vm.params().parametersProperty().get().real("gamma"),
                "Ctrl+Z undid the change");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane help = robot.lookup("#help-dialog").queryAs(DialogPane.class);
        String text = robot.from(help).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (a, b) -> a + "\n" + b);
        for (String[] k : Shortcuts.ALL) {
            assertTrue(text.contains(k[0]) && text.contains(k[1]), "help lists " + k[0]);
        }
        assertTrue(text.contains("= / −"), "the zoom key is =, as the menu says");
    }
}
