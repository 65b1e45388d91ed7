package org.jgrub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgrub.core.testing.HostTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job, as a user runs it: the packaged ./jgrub reads a Debian-like guest disk's own
 * grub.cfg (search by UUID, submenu, insmods, if blocks), loads Debian's kernel and a busybox
 * initramfs, and QEMU runs it until /init prints its marker and resets the machine.
 */
class LinuxBootIT {
    private static final Path LAUNCHER = Paths.get(System.getProperty("user.dir")).getParent().resolve("jgrub");

    @TempDir
    static Path dir;
    static Path disk;

    @BeforeAll
    static void disk() throws Exception {
        HostTools.qemu();
        disk = LinuxGuestDisk.build(dir);
    }

    record Run(int status, String console, String stderr, String stdout) {}

    static Run jgrub(String stdin, String... args) throws Exception {
        Path console = Files.createTempFile(dir, "com1-", ".txt");
        Path err = Files.createTempFile(dir, "stderr-", ".txt");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString(), "-M", "512M", "--accel", "tcg", "-c",
                console.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.environment().put("JGRUB_JAVA_OPTS", "-Djgrub.tmpdir=" + tmp);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes());
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            throw new AssertionError("no reset within 300 s; console:\n" + tail(Files.readString(console)));
        }
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "temporary files are gone");
        }
        return new Run(p.exitValue(), Files.readString(console), Files.readString(err),
                Files.readString(dir.resolve("stdout.txt")));
    }

    static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 3000));
    }

    static void assertBooted(Run r) {
        assertEquals(0, r.status(), r.stderr() + "\n" + tail(r.console()));
        assertTrue(r.console().contains(LinuxGuestDisk.MARKER), "console:\n" + tail(r.console()) + "\nstderr: " + r.stderr());
    }

    @Test
    void entryZeroThroughDashDInThe32BitEntry() throws Exception {
        Run r = jgrub(null, "-d", disk.toString(), "--entry", "0", "vm1");
        assertBooted(r);
        assertTrue(r.stderr().contains("jgrub: using (hd0,gpt2)/grub/grub.cfg"), r.stderr());
        assertTrue(r.stdout().contains("Loading Linux 6.1.0-56-amd64 ..."), "the entry's echo is on jgrub's output");
    }

    @Test
    void submenuEntryInThe64BitEntry() throws Exception {
        Run r = jgrub(null, "-d", disk.toString(), "--linux-entry", "64", "--entry",
                "gnulinux-advanced-" + LinuxGuestDisk.ROOT_UUID + ">gnulinux-6.1.0-56-amd64-advanced-"
                        + LinuxGuestDisk.ROOT_UUID, "vm1");
        assertBooted(r);
    }

    @Test
    void deviceMapAndTheDefaultEntryWithoutATerminal() throws Exception {
        Path map = Files.writeString(dir.resolve("device.map"), "# vm-bhyve style\n(hd0) " + disk + "\n");
        Run r = jgrub(null, "-m", map.toString(), "vm1");
        assertBooted(r);
        assertTrue(r.stderr().contains("booting the default entry, 'Debian GNU/Linux'"), r.stderr());
    }

    @Test
    void scriptFromStandardInput() throws Exception {
        String script = "search --no-floppy --fs-uuid --set=root " + LinuxGuestDisk.BOOT_UUID + "\n"
                + "linux /" + LinuxGuestDisk.KERNEL + " ro earlyprintk=serial,ttyS0,115200 reboot=k panic=-1 nokaslr"
                + " pci=off noapic i8042.noaux i8042.nomux i8042.nopnp i8042.dumbkbd\n"
                + "initrd (hd0,gpt2)/" + LinuxGuestDisk.INITRD + "\n"
                + "boot\n";
        assertBooted(jgrub(script, "-d", disk.toString(), "--script", "-", "vm1"));
    }

    @Test
    void scriptWithoutBootEndsWithAnErrorAndHandsNothingOver() throws Exception {
        Run r = jgrub("linux (hd0,gpt2)/" + LinuxGuestDisk.KERNEL + "\n", "-d", disk.toString(), "--script", "-", "vm1");
        assertTrue(r.status() != 0);
        assertEquals("jgrub: (stdin): ended without `boot'; nothing was handed over\n", r.stderr());
        assertEquals("", r.console());
    }
}
