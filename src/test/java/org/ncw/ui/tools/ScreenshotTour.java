package org.ncw.ui.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ncw.ui.app.MainWindow;
import org.ncw.ui.app.WorkbenchApp;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.scatter.ScatterViewModel;

/**
 * Drives the real workbench window through the states shown in docs/gui.md and saves each as a PNG
 * (docs/screenshots). Run under Xvfb:
 * <pre>xvfb-run -a -s '-screen 0 1480x920x24' java -cp 'target/test-classes:target/ncw.jar:target/lib/*'
 *     org.ncw.ui.tools.ScreenshotTour docs/screenshots</pre>
 */
public final class ScreenshotTour {
    private static WorkbenchViewModel vm;
    private static MainWindow window;
    private static Scene scene;

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        fx(() -> {
            vm = new WorkbenchViewModel(org.ncw.ui.app.WorkbenchPreferences.scratch());
            window = new MainWindow(vm);
            scene = WorkbenchApp.createScene(window);
            Stage stage = new Stage();
            stage.setTitle("Noise Clustering Workbench");
            stage.setScene(scene);
            stage.setWidth(1480);
            stage.setHeight(920);
            stage.show();
            stage.setWidth(1480);
            stage.setHeight(920);
            vm.openBundledSample();
            return null;
        });
        waitIdle();
        Thread.sleep(1500);
        save(out.resolve("main.png"), () -> scene.getRoot());
        save(out.resolve("results.png"), () -> scene.lookup("#results"));

        fx(() -> {
            vm.spectrogram().logFrequencyProperty().set(true);
            vm.viewport().setWindow(2.0, 5.0);
            vm.viewport().select(3.0, 3.8);
            vm.seek(3.2);
            vm.scatter().coloringProperty().set(ScatterViewModel.Coloring.INTENSITY);
            return null;
        });
        Thread.sleep(2500);
        save(out.resolve("zoomed-log-intensity.png"), () -> scene.getRoot());

        fx(() -> {
            vm.spectrogram().logFrequencyProperty().set(false);
            vm.viewport().fit();
            vm.viewport().clearSelection();
            vm.scatter().coloringProperty().set(ScatterViewModel.Coloring.LABEL);
            vm.spectrogram().freqLowHzProperty().set(0);
            vm.spectrogram().freqHighHzProperty().set(4000);
            return null;
        });
        Thread.sleep(2500);
        save(out.resolve("frequency-zoom.png"), () -> scene.getRoot());
        fx(() -> {
            vm.spectrogram().fitFrequency();
            return null;
        });

        fx(() -> {
            vm.spectrogram().logFrequencyProperty().set(false);
            vm.scatter().coloringProperty().set(ScatterViewModel.Coloring.LABEL);
            vm.viewport().fit();
            vm.viewport().clearSelection();
            vm.params().textProperty("gamma").set("-2");
            vm.params().textProperty("neighbors").set("ten");
            ScrollPane params = (ScrollPane) scene.lookup("#params");
            params.setVvalue(0.35);
            return null;
        });
        Thread.sleep(1000);
        save(out.resolve("params-invalid.png"), () -> scene.lookup("#params"));
        fx(() -> {
            vm.params().textProperty("gamma").set("1.0");
            vm.params().textProperty("neighbors").set("10");
            vm.params().textProperty("productionGate").set("nonstationary");
            vm.params().textProperty("productionThresholdDb").set("6");
            vm.params().textProperty("productionAmount").set("1.5");
            ((ScrollPane) scene.lookup("#params")).setVvalue(1.0);
            return null;
        });
        waitIdle();
        Thread.sleep(1000);
        save(out.resolve("params-production.png"), () -> scene.lookup("#params"));
        fx(() -> {
            vm.params().textProperty("productionAmount").set("preset");
            vm.params().textProperty("productionGate").set("preset");
            vm.params().textProperty("productionThresholdDb").set("preset");
            vm.params().textProperty("algorithm").set("kmeans");
            vm.params().textProperty("clusters").set("3");
            ((ScrollPane) scene.lookup("#params")).setVvalue(0.3);
            return null;
        });
        waitIdle();
        Thread.sleep(1500);
        save(out.resolve("clusterer-k3.png"), () -> scene.getRoot());
        fx(() -> {
            vm.params().textProperty("algorithm").set("spectral");
            vm.params().textProperty("clusters").set("2");
            window.centre().getSelectionModel().select(1);
            return null;
        });
        waitIdle();
        Thread.sleep(4000);
        save(out.resolve("view3d.png"), () -> scene.getRoot());

        // a session whose recording has gone: the one-line notice with Locate… / Cancel
        Path tmp = Files.createTempDirectory("ncw-tour");
        Path copy = tmp.resolve("interview.noisy.wav");
        Files.copy(Path.of(System.getProperty("ncw.samples", "samples"), "speech-pink-22k.noisy.wav"), copy);
        Path session = tmp.resolve("interview" + org.ncw.ui.session.SessionFile.SUFFIX);
        fx(() -> {
            window.centre().getSelectionModel().select(0);
            vm.open(copy);
            return null;
        });
        waitIdle();
        CountDownLatch saved = new CountDownLatch(1);
        fx(() -> {
            vm.saveSession(session, f -> saved.countDown());
            return null;
        });
        saved.await();
        Files.delete(copy);
        fx(() -> {
            vm.open(session);
            return null;
        });
        Thread.sleep(2000);
        save(out.resolve("session-missing.png"), () -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#session-problem-dialog") != null)
                .findFirst().orElseThrow().getScene().getRoot());
        fx(() -> {
            vm.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void save(Path file, Supplier<Node> node) throws Exception {
        var img = fx(() -> node.get().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static <T> T fx(Supplier<T> work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<T> result = new AtomicReference<>();
        Runnable r = () -> {
            try {
                result.set(work.get());
            } finally {
                done.countDown();
            }
        };
        if (vm == null && scene == null) {
            Platform.startup(r);
        } else {
            Platform.runLater(r);
        }
        done.await();
        return result.get();
    }

    private static void waitIdle() throws InterruptedException {
        Thread.sleep(500);
        while (Boolean.TRUE.equals(fx(() -> vm.runningProperty().get() || vm.lastResultProperty().get() == null))) {
            Thread.sleep(250);
        }
    }
}
