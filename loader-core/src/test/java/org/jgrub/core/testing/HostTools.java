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

    /** The repository's root (where scripts/ is), found upwards from the working directory. */
    public static Path repositoryRoot() {
        Path p = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("scripts/fetch-test-kernel.sh"))) {
            p = p.getParent();
        }
        return p != null ? p : fail("cannot find the repository root above " + System.getProperty("user.dir"));
    }

    /** Debian's amd64 bzImage, fetched once by scripts/fetch-test-kernel.sh (apt-get download + dpkg-deb -x). */
    public static Path debianKernel() {
        try {
            Process p = new ProcessBuilder(repositoryRoot().resolve("scripts/fetch-test-kernel.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() != 0 || out.isEmpty()) {
                return fail("scripts/fetch-test-kernel.sh failed (it needs apt-get download to reach Debian)");
            }
            return Paths.get(out);
        } catch (java.io.IOException e) {
            return fail("cannot run scripts/fetch-test-kernel.sh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** A statically linked busybox (Debian busybox-static) for test initramfs images. */
    public static Path busybox() {
        Path p = Paths.get("/bin/busybox");
        return Files.isExecutable(p) ? p : fail("/bin/busybox is missing: install the Debian package busybox-static");
    }

    public static Path qemu() {
        return require("qemu-system-x86_64", "qemu-system-x86");
    }
}
