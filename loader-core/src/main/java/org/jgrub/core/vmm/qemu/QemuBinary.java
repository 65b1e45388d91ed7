package org.jgrub.core.vmm.qemu;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jgrub.core.error.UsageException;

/** Finds {@code qemu-system-x86_64}: {@code $JGRUB_QEMU} if set, else the first one on {@code PATH}. */
public final class QemuBinary {
    public static final String NAME = "qemu-system-x86_64";
    /** The Debian package that provides it. */
    public static final String DEBIAN_PACKAGE = "qemu-system-x86";

    private QemuBinary() {}

    public static Path locate() throws UsageException {
        String explicit = System.getenv("JGRUB_QEMU");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Paths.get(explicit);
            if (Files.isExecutable(p)) {
                return p;
            }
            throw new UsageException("JGRUB_QEMU=" + explicit + " is not an executable file");
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Paths.get(dir, NAME);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return p;
                }
            }
        }
        throw new UsageException(NAME + " not found on PATH; install the Debian package " + DEBIAN_PACKAGE
                + " (apt-get install " + DEBIAN_PACKAGE + ")");
    }
}
