package org.ncw.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the workbench remembers between launches: recent files, the last folder used in a file dialog and the
 * window's size and position. Backed by a {@link Preferences} node, so tests pass a throw-away node.
 */
public final class WorkbenchPreferences {
    /** The smallest window in which every panel shows its controls uncut. */
    public static final double MIN_WIDTH = 1100;
    public static final double MIN_HEIGHT = 700;
    public static final double DEFAULT_WIDTH = 1480;
    public static final double DEFAULT_HEIGHT = 920;

    private final Preferences node;
    private final RecentFiles recent;

    public WorkbenchPreferences(Preferences node) {
        this.node = node;
        this.recent = new RecentFiles(node);
    }

    public static WorkbenchPreferences userDefault() {
        return new WorkbenchPreferences(Preferences.userRoot().node("org/ncw/workbench"));
    }

    /** A private node for tests; {@link #clear()} removes it. */
    public static WorkbenchPreferences scratch() {
        return new WorkbenchPreferences(Preferences.userRoot().node("org/ncw/workbench-test-" + System.nanoTime()));
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    /** The folder last used in a file dialog, if it still exists. */
    public Path lastFolder() {
        String s = node.get("lastFolder", "");
        Path p = s.isBlank() ? null : Path.of(s);
        return p != null && Files.isDirectory(p) ? p : null;
    }

    public void setLastFolder(Path folder) {
        if (folder != null) {
            node.put("lastFolder", folder.toAbsolutePath().toString());
        }
    }

    /**
     * The window bounds to restore {x, y, width, height}, fitted into {@code screen} {x, y, width, height}: never
     * smaller than the minimum (or the screen, if that is smaller), never off screen. x and y are NaN when unknown.
     */
    public double[] windowBounds(double[] screen) {
        double w = node.getDouble("windowWidth", DEFAULT_WIDTH);
        double h = node.getDouble("windowHeight", DEFAULT_HEIGHT);
        double x = node.getDouble("windowX", Double.NaN);
        double y = node.getDouble("windowY", Double.NaN);
        return fit(new double[] {x, y, w, h}, screen);
    }

    static double[] fit(double[] b, double[] screen) {
        double w = Math.min(Math.max(b[2], MIN_WIDTH), screen[2]);
        double h = Math.min(Math.max(b[3], MIN_HEIGHT), screen[3]);
        double x = b[0];
        double y = b[1];
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            x = Math.max(screen[0], Math.min(x, screen[0] + screen[2] - w));
            y = Math.max(screen[1], Math.min(y, screen[1] + screen[3] - h));
        }
        return new double[] {x, y, w, h};
    }

    public void saveWindowBounds(double x, double y, double width, double height) {
        node.putDouble("windowX", x);
        node.putDouble("windowY", y);
        node.putDouble("windowWidth", width);
        node.putDouble("windowHeight", height);
    }

    public void clear() {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // a scratch node that cannot be removed is harmless
        }
    }
}
