package org.ncw.ui.tools;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.ncw.ui.app.MainWindow;
import org.ncw.ui.app.WorkbenchApp;
import org.ncw.ui.app.WorkbenchViewModel;
import org.ncw.ui.history.HistoryEntry;

/**
 * Opens the real workbench window on the bundled sample, makes two runs (k = 2, then k = 3), pins the first,
 * compares them and, with {@code leaderboard FILE}, opens a sweep leaderboard too; then prints {@code READY} and
 * stays open for a screenshot of the screen (docs/gui.md, "Run history"). Run under Xvfb + openbox:
 * <pre>DISPLAY=:98 java -cp 'target/test-classes:target/ncw.jar:target/lib/*' org.ncw.ui.tools.HistoryTour</pre>
 */
public final class HistoryTour {
    private static WorkbenchViewModel vm;
    private static MainWindow window;

    private HistoryTour() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(() -> {
            vm = new WorkbenchViewModel(org.ncw.ui.app.WorkbenchPreferences.scratch());
            window = new MainWindow(vm);
            Stage stage = new Stage();
            stage.setScene(WorkbenchApp.createScene(window));
            stage.titleProperty().bind(vm.titleBinding());
            stage.setWidth(1580);
            stage.setHeight(980);
            stage.show();
            // under openbox the size given before show() is dropped (see WorkbenchApp.reapplySize)
            Platform.runLater(() -> {
                stage.setWidth(1580);
                stage.setHeight(980);
                stage.setX(0);
                stage.setY(0);
            });
            vm.openBundledSample();
            started.countDown();
        });
        started.await();
        waitRuns(1);
        fx(() -> {
            vm.params().load(vm.params().parametersProperty().get().with("clusters", 3).with("algorithm", "kmeans"));
            return null;
        });
        waitRuns(2);
        fx(() -> {
            HistoryEntry a = vm.history().entries().get(0);
            HistoryEntry b = vm.history().entries().get(1);
            vm.history().setPinned(a.id(), true);
            window.historyView().list().getSelectionModel().selectIndices(0, 1);
            window.compare(vm.history().byId(a.id()), vm.history().byId(b.id()));
            vm.seek(2.5);
            vm.compare().listen(org.ncw.ui.history.CompareViewModel.Side.B);
            return null;
        });
        if (args.length > 1 && args[0].equals("leaderboard")) {
            fx(() -> {
                window.openLeaderboard(java.nio.file.Path.of(args[1]));
                return null;
            });
            Thread.sleep(1500);
            fx(() -> {
                vm.leaderboard().loadAsRun(vm.leaderboard().rows().get(0));
                return null;
            });
            waitRuns(3);
        }
        Thread.sleep(2500);
 fx(() -> {
            vm.history().entries().forEach(e -> System.out.println("run " + e.id() + ": degenerate "
                    + e.run().degeneratePercent() + " %, warnings " + e.run().warnings()));
            return null;
        });
        System.out.println("READY " + fx(() -> vm.titleBinding().get()));
    }

    private static void waitRuns(int n) throws InterruptedException {
        Thread.sleep(500);
        while (Boolean.TRUE.equals(fx(() -> vm.runningProperty().get() || vm.history().entries().size() < n))) {
            Thread.sleep(250);
        }
    }

    private static <T> T fx(Supplier<T> work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<T> result = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                result.set(work.get());
            } finally {
                done.countDown();
            }
        });
        done.await();
        return result.get();
    }
}
