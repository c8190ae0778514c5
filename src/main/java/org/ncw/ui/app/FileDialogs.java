package org.ncw.ui.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File and folder choosers that open in the folder of the current recording (else the last folder used), and
 * remember the folder chosen.
 */
final class FileDialogs {
    private final WorkbenchViewModel vm;
    private final Supplier<Window> owner;

    FileDialogs(WorkbenchViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.owner = owner;
    }

    /** Where a dialog starts: the open recording's folder, else the last folder used, else none (the default). */
    Path startFolder() {
        Path here = vm.document().folder();
        if (here != null && Files.isDirectory(here)) {
            return here;
        }
        return vm.preferences().lastFolder();
    }

    Optional<Path> audio(String title) {
        FileChooser fc = chooser(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Audio (WAV, AIFF, AU)", "*.wav", "*.WAV",
                "*.aif", "*.aiff", "*.au"), new FileChooser.ExtensionFilter("All files", "*"));
        return remember(fc.showOpenDialog(owner.get()));
    }

    Optional<Path> json(String title, boolean save, String initialName) {
        FileChooser fc = chooser(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        if (save) {
            fc.setInitialFileName(initialName);
        }
        return remember(save ? fc.showSaveDialog(owner.get()) : fc.showOpenDialog(owner.get()));
    }

    /** A sweep's leaderboard: leaderboard.json, summary.csv or leaderboard.csv. */
    Optional<Path> leaderboard(String title) {
        FileChooser fc = chooser(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sweep leaderboard (JSON, CSV)", "*.json",
                "*.csv"), new FileChooser.ExtensionFilter("All files", "*"));
        return remember(fc.showOpenDialog(owner.get()));
    }

    /** A session file to open, or where to save one ({@code initialName} suggested). */
    Optional<Path> session(String title, boolean save, String initialName) {
        FileChooser fc = chooser(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Workbench session (*"
                + org.ncw.ui.session.SessionFile.SUFFIX + ")", "*" + org.ncw.ui.session.SessionFile.SUFFIX),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        if (save) {
            fc.setInitialFileName(initialName);
        }
        return remember(save ? fc.showSaveDialog(owner.get()) : fc.showOpenDialog(owner.get()));
    }

    Optional<Path> folder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        Path start = startFolder();
        if (start != null) {
            dc.setInitialDirectory(start.toFile());
        }
        File dir = dc.showDialog(owner.get());
        Optional<Path> chosen = Optional.ofNullable(dir).map(File::toPath);
        chosen.ifPresent(vm.preferences()::setLastFolder);
        return chosen;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        Path start = startFolder();
        if (start != null) {
            fc.setInitialDirectory(start.toFile());
        }
        return fc;
    }

    private Optional<Path> remember(File f) {
        Optional<Path> chosen = Optional.ofNullable(f).map(File::toPath);
        chosen.ifPresent(p -> vm.preferences().setLastFolder(p.toAbsolutePath().getParent()));
        return chosen;
    }
}
