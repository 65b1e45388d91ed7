package org.jgrub.core.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrub.core.memory.GuestAddress;
import org.junit.jupiter.api.Test;

/** The two entry states against shared/reference/bhyve.md §3 and linux-boot.md (grub-bhyve's registers). */
class ModeSwitcherTest {
    @Test
    void longModeIsVmSetupFreebsdRegisters() {
        VcpuState s = ModeSwitcher.longMode64(GuestAddress.of(0x10000), GuestAddress.of(0x6000),
                GuestAddress.of(0x2000), GuestAddress.of(0x5000)).build();
        assertEquals(Segment.of(0x08, 0, 0, 0x209b), s.segment(Register.CS));
        for (Register r : new Register[] {Register.DS, Register.ES, Register.FS, Register.GS, Register.SS}) {
            assertEquals(Segment.of(0x10, 0, 0, 0x93), s.segment(r));
        }
        assertEquals(Segment.of(0, 0, 0, 0x8b), s.segment(Register.TR));
        assertEquals(Segment.of(0, 0, 0, 0x10000), s.segment(Register.LDTR));
        assertEquals(new DescriptorTable(0x5000, 3 * 8 - 1), s.table(Register.GDTR));
        assertEquals(0x80000021L, s.valueOr(Register.CR0, -1), "PG|NE|PE");
        assertEquals(0x20L, s.valueOr(Register.CR4, -1), "PAE, no VMXE");
        assertEquals(0x500L, s.valueOr(Register.EFER, -1), "LMA|LME");
        assertEquals(0x2000L, s.valueOr(Register.CR3, -1));
        assertEquals(0x2L, s.valueOr(Register.RFLAGS, -1));
        assertEquals(0x6000L, s.valueOr(Register.RSP, -1));
        assertEquals(0x10000L, s.valueOr(Register.RIP, -1));
        assertEquals(CpuMode.LONG_64, CpuMode.of(s));
    }

    @Test
    void protectedModeIsGrubBhyvesLinuxEntry() {
        VcpuState s = ModeSwitcher.protectedMode32(GuestAddress.of(0x100000), GuestAddress.of(0x1000)).build();
        assertEquals(Segment.of(0x10, 0, 0xffffffffL, 0xc09b), s.segment(Register.CS));
        for (Register r : new Register[] {Register.DS, Register.ES, Register.FS, Register.GS, Register.SS}) {
            assertEquals(Segment.of(0x18, 0, 0xffffffffL, 0xc093), s.segment(r));
        }
        assertEquals(Segment.of(0x20, 0x1000, 0x67, 0x8b), s.segment(Register.TR));
        assertEquals(Segment.of(0, 0, 0, 0x10082), s.segment(Register.LDTR));
        assertEquals(new DescriptorTable(0x1000, 5 * 8 - 1), s.table(Register.GDTR));
        assertEquals(0x1L, s.valueOr(Register.CR0, -1));
        assertEquals(0x0L, s.valueOr(Register.CR4, -1));
        assertEquals(0x2L, s.valueOr(Register.RFLAGS, -1));
        assertEquals(0x100000L, s.valueOr(Register.RIP, -1));
        assertEquals(false, s.has(Register.EFER), "grub-bhyve leaves EFER alone");
        assertEquals(CpuMode.PROTECTED_32, CpuMode.of(s));
    }

    @Test
    void gdtsAreTheAnchorsTables() {
        assertEquals(java.util.List.of(0L, 0x0020980000000000L, 0x0000900000000000L), ModeSwitcher.LONG_MODE_GDT.entries());
        assertEquals(23, ModeSwitcher.LONG_MODE_GDT.limit());
        assertEquals(java.util.List.of(0L, 0L, 0x00cf9a000000ffffL, 0x00cf92000000ffffL, 0x0080890000000000L),
                ModeSwitcher.PROTECTED_MODE_GDT.entries());
        assertEquals(39, ModeSwitcher.PROTECTED_MODE_GDT.limit());
    }
}
