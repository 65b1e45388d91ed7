package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrub.core.vmm.dump.StateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line in-process: every error is one line and a non-zero status, no stack trace. */
class MainTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static void assertOneLineError(Result r, String expectedPart) {
        assertNotEquals(0, r.status());
        assertTrue(r.err().startsWith("jgrub: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expectedPart), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-M|0|too small",
        "-M|1M|too small",
        "-M|-5|invalid guest memory size",
        "-M|lots|invalid guest memory size",
        "-M|99999999T|too large",
        "-M|1.5G|invalid guest memory size",
        "-M|3145729|not a whole number of MiB",
        "--memory|2X|invalid guest memory size",
    })
    void badMemorySizes(String option, String value, String expected) {
        assertOneLineError(run(option, value, "demo"), expected);
        assertOneLineError(run("demo", option, value), expected);
    }

    @Test
    void otherBadUsage() {
        assertOneLineError(run("--bogus"), "Unknown option");
        assertOneLineError(run("demo", "--vmm", "nonesuch"), "unknown VM backend 'nonesuch' (available: bhyve, dump, qemu)");
        assertOneLineError(run("demo", "--vmm", "dump"), "--vmm dump needs --dump-dir DIR");
        String lib = dir.resolve("no/libvmmapi.so").toString();
        assertOneLineError(run("demo", "--vmm", "bhyve", "--vmmapi-library", lib), "cannot load libvmmapi " + lib);
        assertOneLineError(run("--vmmapi-library", lib, "--vmm", "bhyve", "demo"), "cannot load libvmmapi " + lib);
        assertOneLineError(run("demo", "--accel", "hvf"), "unknown accelerator 'hvf'");
        assertOneLineError(run(), "no VM name given");
        assertOneLineError(run("exec-state", dir.resolve("none").toString()), "no such file");
    }

    @Test
    void unwritableDumpDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineError(run("demo", "--vmm", "dump", "--dump-dir", file.resolve("sub").toString()),
                "cannot create dump directory");
        assertOneLineError(run("demo", "--vmm", "dump", "--dump-dir", "/proc/jgrub-test"), "cannot create dump directory");
    }

    @Test
    void debugShowsTheStackTrace() {
        Result r = run("demo", "--vmm", "dump", "--debug");
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains("\tat "), r.err());
        assertTrue(r.err().trim().endsWith("jgrub: --vmm dump needs --dump-dir DIR"), r.err());
    }

    @Test
    void dumpWritesRamAndState() throws Exception {
        Path d = dir.resolve("dump");
        Result r = run("-M", "64M", "demo", "--vmm", "dump", "--dump-dir", d.toString());
        assertEquals(0, r.status(), r.err());
        StateFile.Contents c = StateFile.read(d.resolve(StateFile.NAME));
        assertEquals(64L << 20, c.layout().memorySize());
        assertEquals(64L << 20, Files.size(d.resolve(c.ramFile())));
        String text = Files.readString(d.resolve(StateFile.NAME));
        assertTrue(text.contains("CS   0x8 0x0 0x0 0x209b"), text);
        assertTrue(text.contains("GDTR 0x5000 0x17"), text);
    }

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--vmm"), help.out());
        assertTrue(help.out().contains("demo"), help.out());
        Result version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("jgrub "), version.out());
        assertFalse(version.out().contains("unknown"), version.out());
    }
}
