package org.jgrub.core.vmm.qemu;

import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrub.core.error.UnsupportedFeatureException;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.vmm.Accelerator;
import org.jgrub.core.vmm.ConsoleTarget;
import org.jgrub.core.vmm.Vm;
import org.jgrub.core.vmm.VmConfig;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny guest entered in 32-bit flat protected mode (the Linux loader's state) prints its marker through the backend. */
class QemuBackendTest {
    static final String MARKER = "jgrub-pm32-ok";

    @TempDir
    Path dir;

    /**
     * 32-bit code at 0x100000 (Intel SDM vol. 2 encodings): print the NUL-terminated string at
     * 0x100040 to COM1, then reset the machine through the keyboard controller (out 0xfe to port
     * 0x64), which ends QEMU under -no-reboot.
     * <pre>
     *        mov esi, 0x100040     be 40 00 10 00
     *        mov dx, 0x3f8         66 ba f8 03
     * next:  lodsb                 ac
     *        test al, al           84 c0
     *        jz done               74 03
     *        out dx, al            ee
     *        jmp next              eb f8
     * done:  mov al, 0xfe          b0 fe
     *        out 0x64, al          e6 64
     * halt:  hlt                   f4
     *        jmp halt              eb fd
     * </pre>
     */
    static final byte[] PRINT_AND_RESET = {
        (byte) 0xbe, 0x40, 0x00, 0x10, 0x00, 0x66, (byte) 0xba, (byte) 0xf8, 0x03, (byte) 0xac, (byte) 0x84,
        (byte) 0xc0, 0x74, 0x03, (byte) 0xee, (byte) 0xeb, (byte) 0xf8, (byte) 0xb0, (byte) 0xfe, (byte) 0xe6, 0x64,
        (byte) 0xf4, (byte) 0xeb, (byte) 0xfd};

    private VmConfig config(Path console) {
        return VmConfig.of("pm32", 32 * MIB).withConsole(ConsoleTarget.of(console)).withAccelerator(Accelerator.TCG)
                .withDebug(System.err::println);
    }

    @Test
    void protectedModeGuestPrintsItsMarkerAndQemuEndsWithItsStatus() throws Exception {
        HostTools.qemu();
        Path console = dir.resolve("com1.txt");
        System.setProperty("jgrub.tmpdir", dir.toString());
        try (Vm vm = new QemuBackend().create(config(console))) {
            ModeSwitcher.PROTECTED_MODE_GDT.write(vm.memory(), GuestAddress.of(0x1000));
            vm.memory().write(GuestAddress.of(0x100000), PRINT_AND_RESET);
            vm.memory().write(GuestAddress.of(0x100040), (MARKER + "\n\0").getBytes(StandardCharsets.US_ASCII));
            VcpuState state = ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000))
                    .set(Register.RSI, 0x90000).build();
            assertEquals(0, vm.handoff(state), "QEMU's status after the guest's reset under -no-reboot");
        } finally {
            System.clearProperty("jgrub.tmpdir");
        }
        assertEquals(MARKER + "\n", Files.readString(console));
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of(console), left.toList(), "the scratch directory is gone");
        }
    }

    @Test
    void dataInTheLegacyHoleIsRefusedNotLost() throws Exception {
        HostTools.qemu();
        System.setProperty("jgrub.tmpdir", dir.toString());
        try (Vm vm = new QemuBackend().create(config(dir.resolve("com1.txt")))) {
            vm.memory().writeU8(GuestAddress.of(0xf8000), 1);
            VcpuState state = ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000)).build();
            String m = assertThrows(UnsupportedFeatureException.class, () -> vm.handoff(state)).getMessage();
            assertTrue(m.contains("0xf8000"), m);
        } finally {
            System.clearProperty("jgrub.tmpdir");
        }
    }

    @Test
    void commaInPathsIsEscapedForQemu() {
        assertEquals("/tmp/a,,b", QemuRunner.escape("/tmp/a,b"));
    }
}
