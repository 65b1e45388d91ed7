package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -c DEVICE} with a tty: the menu appears on the device and a key typed there chooses. The
 * tty is a pseudo-terminal the test opens (posix_openpt); the test plays the user on its master side.
 */
class ConsoleDeviceTest {
    interface Pty extends Library {
        Pty LIBC = Native.load("c", Pty.class);
        int O_RDWR = 2;
        int O_NOCTTY = 0x100; // Linux

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int close(int fd);
    }

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void helpers() {
        // The disk helpers of ConfigDiscoveryTest work in their class's directory with Debian's kernel.
        ConfigDiscoveryTest.dir = dir;
        ConfigDiscoveryTest.kernel = org.jgrub.core.testing.HostTools.debianKernel();
    }

    @Test
    void menuOnATtyAndAKeyFromIt() throws Exception {
        Path boot = ConfigDiscoveryTest.bootDir("console");
        Files.createDirectories(boot.resolve("grub"));
        Files.writeString(boot.resolve("grub/grub.cfg"), "set timeout=30\nmenuentry 'first' {\n linux /vmlinuz-6.1.0-56-amd64 first\n}\n"
                + "menuentry 'second' {\n linux /vmlinuz-6.1.0-56-amd64 second\n}\n");
        Path disk = ConfigDiscoveryTest.gptDisk("console.img", boot);
        int master = Pty.LIBC.posix_openpt(Pty.O_RDWR | Pty.O_NOCTTY);
        assertTrue(master >= 0 && Pty.LIBC.grantpt(master) == 0 && Pty.LIBC.unlockpt(master) == 0);
        String slave = Pty.LIBC.ptsname(master);
        try {
            Path dump = Files.createTempDirectory(ConfigDiscoveryTest.dir, "console-dump");
            CompletableFuture<MainTest.Result> run = CompletableFuture.supplyAsync(() -> MainTest.run("-M", "512M",
                    "--vmm", "dump", "--dump-dir", dump.toString(), "-d", disk.toString(), "-c", slave, "vm1"));
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[4096];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!seen.toString().contains("executed automatically") && System.nanoTime() < deadline) {
                long n = Pty.LIBC.read(master, buf, buf.length);
                if (n > 0) {
                    seen.append(new String(buf, 0, (int) n, StandardCharsets.UTF_8));
                }
            }
            assertTrue(seen.toString().contains("1 second"), seen.toString());
            Pty.LIBC.write(master, "1".getBytes(), 1);
            MainTest.Result r = run.get(60, TimeUnit.SECONDS);
            assertEquals(0, r.status(), r.err());
            try (var ram = new java.io.RandomAccessFile(dump.resolve("guest-ram.img").toFile(), "r")) {
                byte[] line = new byte[64];
                ram.seek(0x20000);
                ram.readFully(line);
                assertTrue(new String(line, StandardCharsets.US_ASCII).startsWith(
                        "console=ttyS0 BOOT_IMAGE=/vmlinuz-6.1.0-56-amd64 second\0"), new String(line));
            }
        } finally {
            Pty.LIBC.close(master);
        }
    }
}
