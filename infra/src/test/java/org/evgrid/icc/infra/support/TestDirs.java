package org.evgrid.icc.infra.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Directories for tests. */
public final class TestDirs {

    private TestDirs() {
    }

    /** A new temporary directory whose name starts with the prefix (usable in static initializers). */
    public static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
