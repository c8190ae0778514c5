package org.ncw.ui.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark (not a test): time from a parameter change in the panel to the updated labels on screen (the first
 * spectrogram frame drawn with them), for the bundled 11.4 s sample. Needs a display (use xvfb-run).
 *
 * <pre>xvfb-run -a java -cp 'target/ncw.jar:target/lib/*' org.ncw.ui.app.LabelLatencyBenchmark [runs] [low|regular]</pre>
 *
 * Each run alternates the seed (a clustering parameter), so the clustering re-runs while the STFT is cached.
 */
public final class LabelLatencyBenchmark {
    private LabelLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> resolutions = args.length > 1 ? List.of(args[1]) : List.of("low", "regular");
        CountDownLatch started = new CountDownLatch(1);
        WorkbenchViewModel[] vm = new WorkbenchViewModel[1];
        Platform.startup(() -> {
            vm[0] = new WorkbenchViewModel();
            MainWindow w = new MainWindow(vm[0]);
            Stage stage = new Stage();
            Scene scene = WorkbenchApp.createScene(w);
            stage.setScene(scene);
            stage.setWidth(1480);
            stage.setHeight(920);
            stage.show();
            vm[0].openBundledSample();
            started.countDown();
        });
        started.await();
        waitIdle(vm[0]);
        for (String res : resolutions) {
            set(vm[0], "resolution", res);
            set(vm[0], "strategy", "column");
            waitIdle(vm[0]);
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                seconds[i] = measure(vm[0], String.valueOf(100 + i));
                waitIdle(vm[0]);
            }
            Arrays.sort(seconds);
            List<String> all = new ArrayList<>();
            for (double s : seconds) {
                all.add(String.format(Locale.ROOT, "%.3f", s));
            }
            Double cluster = vm[0].lastResultProperty().get().stageSeconds().get(org.ncw.ui.analysis.Stage.CLUSTER);
            System.out.printf(Locale.ROOT, "labels on screen after a clustering parameter change, %s resolution, "
                    + "column-by-column: median %.3f s (runs %s); clustering stage of the last run %.3f s%n", res,
                    seconds[runs / 2], all, cluster == null ? Double.NaN : cluster);
        }
        Platform.runLater(() -> vm[0].close());
        Platform.exit();
        System.exit(0);
    }

    private static void set(WorkbenchViewModel vm, String key, String value) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm.params().textProperty(key).set(value);
            done.countDown();
        });
        done.await();
    }

    private static double measure(WorkbenchViewModel vm, String seed) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        double[] latency = new double[1];
        ChangeListener<Number> l = (o, a, b) -> {
            if (!Double.isNaN(b.doubleValue())) {
                latency[0] = b.doubleValue();
                shown.countDown();
            }
        };
        Platform.runLater(() -> {
            vm.labelLatencySecondsProperty().set(Double.NaN);
            vm.labelLatencySecondsProperty().addListener(l);
            vm.params().textProperty("seed").set(seed);
        });
        if (!shown.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("labels never reached the screen");
        }
        Platform.runLater(() -> vm.labelLatencySecondsProperty().removeListener(l));
        return latency[0];
    }

    private static void waitIdle(WorkbenchViewModel vm) throws InterruptedException {
        Thread.sleep(500);
        while (true) {
            boolean[] busy = new boolean[1];
            CountDownLatch c = new CountDownLatch(1);
            Platform.runLater(() -> {
                busy[0] = vm.runningProperty().get() || vm.lastResultProperty().get() == null;
                c.countDown();
            });
            c.await();
            if (!busy[0]) {
                return;
            }
            Thread.sleep(200);
        }
    }
}
