package org.ncw.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("org/ncw/workbench-test-" + System.nanoTime());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicatesAndAtMostEight() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 10; i++) {
            recent.add(Path.of("/data/f" + i + ".wav"));
        }
        recent.add(Path.of("/data/f5.wav"));
        List<Path> l = recent.list();
        assertEquals(8, l.size());
        assertEquals(Path.of("/data/f5.wav"), l.get(0));
        assertEquals(Path.of("/data/f9.wav"), l.get(1));
        assertEquals(1, l.stream().filter(p -> p.endsWith("f5.wav")).count());
    }
}
