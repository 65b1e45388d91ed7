package org.jgrub.core.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jgrub.core.error.UsageException;

/**
 * A private temporary directory that is removed when jgrub ends — normally, by an error, or by
 * SIGINT/SIGTERM (a shutdown hook). Guest RAM files live here, so the default parent is
 * {@code /dev/shm} when it exists (memory-backed, like real guest RAM; no disk write-back),
 * else {@code java.io.tmpdir}. The system property {@code jgrub.tmpdir} overrides the parent.
 */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;
    private final Thread hook;

    private ScratchDirectory(Path path) {
        this.path = path;
        this.hook = new Thread(this::delete, "jgrub-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static ScratchDirectory create() throws UsageException {
        Path parent = defaultParent();
        try {
            return new ScratchDirectory(Files.createTempDirectory(parent, "jgrub-"));
        } catch (IOException e) {
            throw new UsageException("cannot create a temporary directory in " + parent + ": " + HostErrors.reason(e), e);
        }
    }

    static Path defaultParent() {
        String configured = System.getProperty("jgrub.tmpdir");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path shm = Paths.get("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Paths.get(System.getProperty("java.io.tmpdir"));
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        delete();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; deleting twice is harmless
        }
    }

    private synchronized void delete() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: nothing more can be done while exiting
        }
    }
}
