package org.ncw.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;

/** The most recently opened recordings, newest first, kept in the user's preferences. */
public final class RecentFiles {
    private static final int MAX = 8;
    private static final String KEY = "recent";
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentFiles userDefault() {
        return new RecentFiles(Preferences.userRoot().node("org/ncw/workbench"));
    }

    public List<Path> list() {
        String s = prefs.get(KEY, "");
        List<Path> out = new ArrayList<>();
        Arrays.stream(s.split("\n")).filter(x -> !x.isBlank()).forEach(x -> out.add(Path.of(x)));
        return out;
    }

    public void add(Path file) {
        List<Path> l = list();
        Path abs = file.toAbsolutePath().normalize();
        l.remove(abs);
        l.add(0, abs);
        while (l.size() > MAX) {
            l.remove(l.size() - 1);
        }
        prefs.put(KEY, String.join("\n", l.stream().map(Path::toString).toList()));
    }
}
