package org.ncw.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The project's main classes, imported once for every architecture test (an import takes seconds). */
public final class ProjectClasses {
    private static JavaClasses main;

    private ProjectClasses() {
    }

    public static synchronized JavaClasses main() {
        if (main == null) {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.ncw");
        }
        return main;
    }
}
