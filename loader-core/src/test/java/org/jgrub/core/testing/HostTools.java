package org.jgrub.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the host tools tests run. A missing tool fails the test with the Debian package to
 * install ({@code scripts/install-test-deps.sh} installs them all); tests are never skipped.
 */
public final class HostTools {
    private HostTools() {}

    public static Path require(String tool, String debianPackage) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Paths.get(dir, tool);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
            Path p = Paths.get(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail(tool + " is not installed: run scripts/install-test-deps.sh (Debian package " + debianPackage + ")");
    }

    public static Path qemu() {
        return require("qemu-system-x86_64", "qemu-system-x86");
    }
}
