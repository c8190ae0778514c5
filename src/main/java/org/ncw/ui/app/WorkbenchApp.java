package org.ncw.ui.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one main window; opens the file given on the command line or the bundled sample. */
public final class WorkbenchApp extends Application {
    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        vm = new WorkbenchViewModel();
        MainWindow window = new MainWindow(vm);
        Scene scene = createScene(window);
        stage.titleProperty().bind(vm.titleBinding());
        stage.setOnCloseRequest(e -> {
            if (!window.requestClose(stage::close)) {
                e.consume();
            }
        });
        for (int size : new int[] {32, 64, 256}) {
            var icon = WorkbenchApp.class.getResource("/org/ncw/assets/icons/ncw-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        restoreBounds(stage, vm.preferences());
        stage.show();
        reapplySize(stage);
        List<String> args = getParameters().getUnnamed();
        if (args.isEmpty()) {
            vm.openBundledSample();
        } else {
            vm.open(Path.of(args.get(0)));
        }
    }

    /**
     * The last size and position, fitted to the screen and never below the size at which every panel shows its
     * controls; saved again when the window closes.
     */
    static void restoreBounds(Stage stage, WorkbenchPreferences prefs) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double[] b = prefs.windowBounds(new double[] {screen.getMinX(), screen.getMinY(), screen.getWidth(),
            screen.getHeight()});
        stage.setMinWidth(Math.min(WorkbenchPreferences.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(WorkbenchPreferences.MIN_HEIGHT, screen.getHeight()));
        stage.setWidth(b[2]);
        stage.setHeight(b[3]);
        if (!Double.isNaN(b[0])) {
            stage.setX(b[0]);
            stage.setY(b[1]);
        }
        stage.setOnHiding(e -> {
            if (!stage.isIconified() && !stage.isMaximized()) {
                prefs.saveWindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        });
    }

    /**
     * Sets the size again once the window is mapped: under a window manager (openbox here) the size given before
     * {@code show()} was dropped and the window opened at the scene's preferred size (198 × 175 px seen).
     */
    static void reapplySize(Stage stage) {
        double w = stage.getWidth();
        double h = stage.getHeight();
        javafx.application.Platform.runLater(() -> {
            stage.setWidth(Math.max(w, stage.getMinWidth()));
            stage.setHeight(Math.max(h, stage.getMinHeight()));
        });
    }

    /** The styled scene around a main window (shared with the tests). */
    public static Scene createScene(MainWindow window) {
        Scene scene = new Scene(window);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/org/ncw/assets/css/workbench.css").toExternalForm());
        window.install(scene);
        return scene;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
