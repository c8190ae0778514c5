package org.ncw.ui.app;

import javafx.application.Application;

/**
 * Main class of the GUI ({@code mvn javafx:run}, {@code bin/ncw-gui}). A plain class, not an Application
 * subclass, so JavaFX starts from the class path without module-path checks.
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
