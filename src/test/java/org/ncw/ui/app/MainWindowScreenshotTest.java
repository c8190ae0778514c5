package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The main window at a fixed size on a fixed synthetic recording looks like the committed reference image:
 * both are shrunk 4× (so anti-aliasing and font hinting do not count) and the mean absolute difference per
 * channel must stay under {@link #TOLERANCE}. A layout that clips or moves a panel, a lost colour map or an empty
 * view changes whole blocks and fails. {@code -Dncw.updateScreenshots=true} rewrites the reference; the image of
 * a failing run is left in {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowScreenshotTest {
    static final String REFERENCE = "main-window-reference.png";
    private static final double TOLERANCE = 6.0;
    private static final int SHRINK = 4;
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
        stage.setWidth(1200);
        stage.setHeight(760);
        stage.show();
        vm.open(TestRecordings.writePair(dir, "screenshot", 1.5));
    }

    @AfterEach
    void close() {
        vm.preferences().clear();
        vm.close();
    }

    @Test
    void mainWindowMatchesTheReferenceImage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.spectrogramView().framesShown() > 0);
        // the views render on background threads; let every pending frame land
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<BufferedImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(SwingFXUtils.fromFXImage(window.getScene().snapshot(null), null)));
        BufferedImage actual = shot.get();
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        ImageIO.write(actual, "png", out.resolve("main-window-actual.png").toFile());
        BufferedImage reference = reference();
        if (Boolean.getBoolean("ncw.updateScreenshots")) {
            ImageIO.write(actual, "png", Path.of("src/test/resources/org/ncw/ui/app", REFERENCE).toFile());
            reference = actual;
        }
        assertTrue(reference != null, "no reference image; run once with -Dncw.updateScreenshots=true and commit "
                + REFERENCE);
        assertTrue(reference.getWidth() == actual.getWidth() && reference.getHeight() == actual.getHeight(),
                "window is " + actual.getWidth() + "x" + actual.getHeight() + ", reference " + reference.getWidth()
                        + "x" + reference.getHeight());
        double diff = meanAbsDifference(shrink(actual, SHRINK), shrink(reference, SHRINK));
        assertTrue(diff < TOLERANCE, String.format(java.util.Locale.ROOT,
                "mean abs difference %.2f (tolerance %.1f); see target/screenshots/main-window-actual.png", diff,
                TOLERANCE));
    }

    private static BufferedImage reference() throws IOException {
        try (InputStream in = MainWindowScreenshotTest.class.getResourceAsStream(REFERENCE)) {
            return in == null ? null : ImageIO.read(in);
        }
    }

    /** Box-filter average over {@code f}×{@code f} blocks, per RGB channel. */
    static double[][][] shrink(BufferedImage img, int f) {
        int w = img.getWidth() / f;
        int h = img.getHeight() / f;
        double[][][] out = new double[h][w][3];
        for (int y = 0; y < h * f; y++) {
            for (int x = 0; x < w * f; x++) {
                int rgb = img.getRGB(x, y);
                double[] px = out[y / f][x / f];
                px[0] += (rgb >> 16 & 255) / (double) (f * f);
                px[1] += (rgb >> 8 & 255) / (double) (f * f);
                px[2] += (rgb & 255) / (double) (f * f);
            }
        }
        return out;
    }

    static double meanAbsDifference(double[][][] a, double[][][] b) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < a.length; y++) {
            for (int x = 0; x < a[y].length; x++) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs(a[y][x][c] - b[y][x][c]);
                    n++;
                }
            }
        }
        return sum / n;
    }
}
