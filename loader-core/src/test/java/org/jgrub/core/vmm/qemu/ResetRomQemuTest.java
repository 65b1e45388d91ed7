package org.jgrub.core.vmm.qemu;

import static org.jgrub.core.memory.MemoryLayout.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jgrub.core.host.RamFile;
import org.jgrub.core.memory.GuestAddress;
import org.jgrub.core.memory.MemoryLayout;
import org.jgrub.core.memory.NativeGuestMemory;
import org.jgrub.core.testing.HostTools;
import org.jgrub.core.vmm.Accelerator;
import org.jgrub.core.vmm.ConsoleTarget;
import org.jgrub.core.x86.Cr0;
import org.jgrub.core.x86.DescriptorTable;
import org.jgrub.core.x86.ModeSwitcher;
import org.jgrub.core.x86.PageTables;
import org.jgrub.core.x86.Register;
import org.jgrub.core.x86.Segment;
import org.jgrub.core.x86.VcpuState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reset ROM reproduces a {@link VcpuState} exactly: QEMU runs the ROM, the guest's first
 * instruction is {@code hlt}, and QEMU's monitor then reports every register. Expected values
 * are the state's (plus the documented exceptions: RIP is past the hlt, CR0.ET reads 1, a null
 * TR keeps the x86 reset value base 0 / limit 0xffff, an unusable LDTR shows as not present).
 */
class ResetRomQemuTest {
    /** {@code hlt; jmp .-1}: stops the vCPU with every register as the ROM left it (IF is clear). */
    private static final byte[] HALT = {(byte) 0xf4, (byte) 0xeb, (byte) 0xfd};
    private static final Register[] GPRS = {Register.RAX, Register.RBX, Register.RCX, Register.RDX, Register.RSI,
        Register.RDI, Register.RBP, Register.R8, Register.R9, Register.R10, Register.R11, Register.R12,
        Register.R13, Register.R14, Register.R15};

    @TempDir
    Path dir;

    @Test
    void longModeStateIsReproducedExactly() throws Exception {
        MemoryLayout layout = MemoryLayout.bhyve(64 * MIB);
        Path ram = dir.resolve("ram");
        VcpuState state;
        try (NativeGuestMemory m = RamFile.create(ram, layout)) {
            PageTables.firstGibEverywhere(GuestAddress.of(0x2000), GuestAddress.of(0x3000), GuestAddress.of(0x4000)).write(m);
            ModeSwitcher.LONG_MODE_GDT.write(m, GuestAddress.of(0x5000));
            m.write(GuestAddress.of(0x10000), HALT);
            VcpuState.Builder b = ModeSwitcher.longMode64(GuestAddress.of(0x10000), GuestAddress.of(0x6000),
                    GuestAddress.of(0x2000), GuestAddress.of(0x5000));
            for (int i = 0; i < GPRS.length; i++) {
                b.set(GPRS[i], 0x0101_0101_0101_0101L * (i + 1) + 0x1000_0000_0000L);
            }
            // CF, ZF and DF set, to see RFLAGS arrive whole; FS and GS at their own slots with bases,
            // GS's above 4 GiB (only the MSR can hold it); an IDT.
            b.set(Register.RFLAGS, 0x443)
                    .segment(Register.FS, Segment.of(0x18, 0x12345000, 0xfffff, 0x93))
                    .segment(Register.GS, Segment.of(0x20, 0x1_2345_6000L, 0, 0x93))
                    .table(Register.IDTR, new DescriptorTable(0x7000, 0xfff));
            state = b.build();
        }
        QemuMonitor.Registers regs = runToHalt(ram, layout, state);
        Map<String, Long> v = regs.values();
        for (Register r : GPRS) {
            assertEquals(state.valueOr(r, 0), v.get(r.name().length() == 2 ? r.name() : r.name()), r + "\n" + regs.text());
        }
        assertEquals(0x6000L, v.get("RSP"));
        assertEquals(0x10001L, v.get("RIP"), "just past the hlt");
        assertEquals(0x443L, v.get("RFL"));
        assertEquals(0x80000021L | Cr0.ET, v.get("CR0"));
        assertEquals(0x2000L, v.get("CR3"));
        assertEquals(0x20L, v.get("CR4"));
        assertEquals(0x500L, v.get("EFER"));
        assertSegment(regs, "CS", state.segment(Register.CS));
        assertSegment(regs, "DS", state.segment(Register.DS));
        assertSegment(regs, "ES", state.segment(Register.ES));
        assertSegment(regs, "SS", state.segment(Register.SS));
        assertSegment(regs, "FS", state.segment(Register.FS));
        assertSegment(regs, "GS", state.segment(Register.GS));
        QemuMonitor.Seg tr = regs.segments().get("TR");
        assertEquals(List.of(0, 0L, 0xffffL, 0x8b), List.of(tr.selector(), tr.base(), tr.limit(), tr.access()),
                "a null TR keeps its reset value");
        assertNullLdt(regs);
        assertEquals(List.of(0x5000L, 23L), tableOf(regs, "GDT"));
        assertEquals(List.of(0x7000L, 0xfffL), tableOf(regs, "IDT"));
    }

    @Test
    void protectedModeStateIsReproducedExactly() throws Exception {
        MemoryLayout layout = MemoryLayout.bhyve(32 * MIB);
        Path ram = dir.resolve("ram");
        VcpuState state;
        try (NativeGuestMemory m = RamFile.create(ram, layout)) {
            ModeSwitcher.PROTECTED_MODE_GDT.write(m, GuestAddress.of(0x1000));
            m.write(GuestAddress.of(0x100000), HALT);
            VcpuState.Builder b = ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000));
            b.set(Register.RSI, 0x8b000).set(Register.RSP, 0x8b000).set(Register.RBX, 0).set(Register.RBP, 0)
                    .set(Register.RDI, 0).set(Register.RAX, 0xa5a5a5a5L).set(Register.RCX, 0x11223344)
                    .set(Register.RDX, 0x55667788);
            state = b.build();
        }
        QemuMonitor.Registers regs = runToHalt(ram, layout, state);
        Map<String, Long> v = regs.values();
        assertEquals(0x8b000L, v.get("ESI"), regs.text());
        assertEquals(0x8b000L, v.get("ESP"));
        assertEquals(0L, v.get("EBX"));
        assertEquals(0L, v.get("EBP"));
        assertEquals(0L, v.get("EDI"));
        assertEquals(0xa5a5a5a5L, v.get("EAX"));
        assertEquals(0x11223344L, v.get("ECX"));
        assertEquals(0x55667788L, v.get("EDX"));
        assertEquals(0x100001L, v.get("EIP"));
        assertEquals(0x2L, v.get("EFL"));
        assertEquals(Cr0.PE | Cr0.ET, v.get("CR0"));
        assertEquals(0L, v.get("CR4"));
        assertEquals(0L, v.get("EFER"));
        for (Register r : new Register[] {Register.CS, Register.DS, Register.ES, Register.SS, Register.FS, Register.GS}) {
            assertSegment(regs, r.name(), state.segment(r));
        }
        // LTR marks the TSS busy. Hardware caches the busy type; QEMU's helper_ltr caches the
        // descriptor as it read it (available, type 9) and only then writes the busy bit back.
        Segment tr = state.segment(Register.TR);
        assertSegment(regs, "TR", Segment.of(tr.selector(), tr.base(), tr.limit(), tr.access() & ~0x2));
        assertNullLdt(regs);
        assertEquals(List.of(0x1000L, 39L), tableOf(regs, "GDT"));
    }

    /**
     * lldt with a null selector leaves LDTR unusable on hardware. QEMU models that by clearing
     * selector, base and limit (helper_lldt) while leaving the old flags; either way no LDT
     * descriptor can be reached through it.
     */
    private static void assertNullLdt(QemuMonitor.Registers regs) {
        QemuMonitor.Seg ldt = regs.segments().get("LDT");
        assertEquals(List.of(0, 0L, 0L), List.of(ldt.selector(), ldt.base(), ldt.limit()), "null LDTR");
    }

    private static List<Long> tableOf(QemuMonitor.Registers regs, String name) {
        long[] t = regs.tables().get(name);
        return List.of(t[0], t[1]);
    }

    private static void assertSegment(QemuMonitor.Registers regs, String name, Segment expected) {
        QemuMonitor.Seg s = regs.segments().get(name);
        assertEquals(expected.selector(), s.selector(), name + " selector\n" + regs.text());
        assertEquals(expected.base(), s.base(), name + " base");
        assertEquals(expected.limit(), s.limit(), name + " limit");
        assertEquals(expected.access(), s.access(), name + " access");
    }

    private QemuMonitor.Registers runToHalt(Path ram, MemoryLayout layout, VcpuState state) throws Exception {
        Path qemu = HostTools.qemu();
        Path monitor = dir.resolve("monitor.sock");
        try (NativeGuestMemory m = RamFile.open(ram, layout, NativeGuestMemory.Access.READ_ONLY)) {
            QemuRunner runner = new QemuRunner(ram, QemuRunner.Sharing.PRIVATE, m, dir,
                    ConsoleTarget.of(dir.resolve("com1.txt")), Accelerator.TCG, s -> { });
            Path rom = dir.resolve("reset.rom");
            Files.write(rom, ResetRom.build(state, m).image());
            List<String> cmd = new ArrayList<>(runner.command(qemu, rom));
            cmd.addAll(List.of("-monitor", "unix:" + monitor + ",server=on,wait=off"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("qemu.log").toFile()).start();
            try (QemuMonitor mon = QemuMonitor.connect(monitor, p)) {
                QemuMonitor.Registers regs = mon.haltedRegisters();
                assertTrue(regs.text().contains("HLT=1"), "the guest never reached its hlt:\n" + regs.text());
                return regs;
            } catch (IllegalStateException e) {
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(e.getMessage() + "; QEMU said: " + Files.readString(dir.resolve("qemu.log")), e);
            } finally {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
