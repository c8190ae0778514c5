package org.ncw.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders an export creates: removed again (when still empty) unless the export {@link #keep}s them, so a
 * failed or cancelled export leaves neither files nor empty folders behind.
 */
final class ExportFolders implements AutoCloseable {
    private final List<Path> created = new ArrayList<>();
    private boolean keep;

    private ExportFolders() {
    }

    /** Creates every folder (and missing parents) that does not exist yet. */
    static ExportFolders create(List<Path> folders) throws IOException {
        ExportFolders f = new ExportFolders();
        try {
            for (Path folder : folders) {
                List<Path> missing = new ArrayList<>();
                for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
                    missing.add(0, p);
                }
                for (Path p : missing) {
                    Files.createDirectory(p);
                    f.created.add(p);
                }
            }
            return f;
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    void keep() {
        keep = true;
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException notEmpty) {
                // something else was put there meanwhile: leave it
            }
        }
    }
}
