package org.jgrub.formats.bzimage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jgrub.core.io.ByteSource;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.vmm.Accelerator;
import org.jgrub.core.vmm.ConsoleTarget;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.vmm.qemu.QemuBackend;
import org.jgrub.core.x86.CpuMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Debian's kernel with a busybox initramfs, loaded by {@link LinuxBoot} into a QEMU VM and run:
 * /init prints a marker and resets the machine (busybox reboot -f with reboot=k), which ends QEMU.
 * The initramfs is made of GRUB-style newc: items, so the kernel unpacking it proves them too.
 */
class LinuxBootQemuTest {
    static final String MARKER = "JGRUB-INIT-MARKER";
    /** Flags that help under QEMU (shared/reference/linux-boot.md); console=ttyS0 is jgrub's to add. */
    static final String ARGS = "earlyprintk=serial,ttyS0,115200 reboot=k panic=-1 nokaslr pci=off noapic"
            + " i8042.noaux i8042.nomux i8042.nopnp i8042.dumbkbd";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CpuMode.class)
    void debianKernelRunsInitInBothEntryModes(CpuMode entry) throws Exception {
        HostTools.qemu();
        Path kernel = HostTools.debianKernel();
        Path init = Files.writeString(dir.resolve("init"),
                "#!/bin/busybox sh\n/bin/busybox echo " + MARKER + "\n/bin/busybox reboot -f\n");
        Path console = dir.resolve("com1.txt");
        System.setProperty("jgrub.tmpdir", dir.toString());
        try (Vm vm = new QemuBackend().create(VmConfig.of("linux", 512 * MemoryLayout.MIB)
                .withConsole(ConsoleTarget.of(console)).withAccelerator(Accelerator.TCG))) {
            LinuxBoot.Result r = LinuxBoot.load(vm.memory(), new LinuxBootRequest(ByteSource.of(kernel),
                    "/boot/vmlinuz", ARGS, List.of(
                        InitrdItem.newc("init", ByteSource.of(init)),
                        InitrdItem.newc("bin/busybox", ByteSource.of(HostTools.busybox()))),
                    entry, KernelCommandLine.Console.ADD_TTYS0));
            assertTrue(r.commandLine().startsWith("console=ttyS0 BOOT_IMAGE=/boot/vmlinuz earlyprintk"), r.commandLine());
            int status = assertTimeoutPreemptively(Duration.ofSeconds(240), () -> vm.handoff(r.state()),
                    () -> "no reset within 240 s; console: " + tail(console));
            assertEquals(0, status);
        } finally {
            System.clearProperty("jgrub.tmpdir");
        }
        String out = Files.readString(console);
        assertTrue(out.contains(MARKER), "console:\n" + tail(console));
    }

    private static String tail(Path f) {
        try {
            String s = Files.readString(f);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (java.io.IOException e) {
            return "(no console file)";
        }
    }
}
