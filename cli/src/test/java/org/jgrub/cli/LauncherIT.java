package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jgrub.core.testing.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code ./jgrub} launcher the way a user does (after {@code mvn package}):
 * the demo really executes in QEMU and its asterisks arrive on jgrub's standard output; stopping
 * jgrub stops QEMU and removes every temporary file.
 */
class LauncherIT {
    private static final Path LAUNCHER = Paths.get(System.getProperty("user.dir")).getParent().resolve("jgrub");
    private static final int STARS = 1000;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        HostTools.qemu();
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " must exist and be executable");
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> cmd = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().put("JGRUB_JAVA_OPTS", "-Djgrub.tmpdir=" + tmp);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Reads until {@code count} asterisks have arrived; fails after 30 s. */
    private static void awaitStars(Process p, int count) throws Exception {
        InputStream in = p.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen = 0;
        byte[] buf = new byte[4096];
        StringBuilder other = new StringBuilder();
        while (seen < count) {
            assertTrue(System.nanoTime() < deadline, "only " + seen + " '*' within 30 s; other output: " + other);
            if (in.available() == 0) {
                assertTrue(p.isAlive(), "jgrub ended after " + seen + " '*'; other output: " + other);
                Thread.sleep(20);
                continue;
            }
            int n = in.read(buf);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '*') {
                    seen++;
                } else if (other.length() < 200) {
                    other.append((char) buf[i]);
                }
            }
        }
        assertEquals("", other.toString(), "nothing but asterisks on the console");
    }

    /** Stops jgrub with {@code signal}; QEMU must go and the temporary directory must be empty. */
    private void stopAndCheckCleanup(Process p, String signal) throws Exception {
        List<ProcessHandle> qemu = p.descendants().toList();
        assertFalse(qemu.isEmpty(), "QEMU runs as jgrub's child");
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "jgrub ends after SIG" + signal);
        for (ProcessHandle h : qemu) {
            h.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "QEMU (pid " + h.pid() + ") is gone");
        }
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), left.toList(), "no temporary file is left");
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void demoFillsTheTerminalWithAsterisksAndSigtermCleansUp() throws Exception {
        Process p = start(Map.of(), "demo");
        awaitStars(p, STARS);
        stopAndCheckCleanup(p, "TERM");
    }

    @Test
    void sigintStopsQemuToo() throws Exception {
        Process p = start(Map.of(), "demo");
        awaitStars(p, STARS);
        stopAndCheckCleanup(p, "INT");
    }

    @Test
    void dumpThenExecStateRunsTheSameGuestAndLeavesTheDumpAlone() throws Exception {
        Path dump = dir.resolve("dump");
        Process d = start(Map.of(), "demo", "--vmm", "dump", "--dump-dir", dump.toString());
        assertTrue(d.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, d.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        String before = sha256(dump.resolve("guest-ram.img"));
        String state = Files.readString(dump.resolve("vcpu-state.txt"));
        Process x = start(Map.of(), "exec-state", dump.toString());
        awaitStars(x, STARS);
        stopAndCheckCleanup(x, "TERM");
        assertEquals(before, sha256(dump.resolve("guest-ram.img")), "the dump's RAM is unchanged");
        assertEquals(state, Files.readString(dump.resolve("vcpu-state.txt")));
    }

    @Test
    void missingQemuIsOneLineNamingThePackage() throws Exception {
        // A PATH with only what the launcher script itself needs.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("dirname"), Paths.get("/usr/bin/dirname"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = start(Map.of("PATH", bin.toString(), "JAVA", java), "demo");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue());
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertEquals("jgrub: qemu-system-x86_64 not found on PATH; install the Debian package qemu-system-x86"
                + " (apt-get install qemu-system-x86)\n", err);
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void helpRuns() throws Exception {
        Process p = start(Map.of(), "--help");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(out.startsWith("Usage: jgrub"), out);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
