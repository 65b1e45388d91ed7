package org.jgrub.core.x86;

import org.jgrub.core.memory.GuestAddress;

/**
 * The register states in which jgrub hands a guest over, as pure functions. Each returns a
 * builder already holding the whole mode, so a loader only adds what its protocol passes in
 * registers (RSI for Linux, and so on).
 */
public final class ModeSwitcher {
    /**
     * FreeBSD's 3-entry boot GDT ({@code vm_setup_freebsd_gdt}, also the seed's listing 3): null,
     * a 64-bit code descriptor (P, S, type 8, L) and a data descriptor (P, S, type 0).
     */
    public static final Gdt LONG_MODE_GDT = Gdt.of(0L, 0x0020980000000000L, 0x0000900000000000L);
    /** {@code GSEL(GUEST_CODE_SEL, SEL_KPL)} and {@code GSEL(GUEST_DATA_SEL, SEL_KPL)}. */
    public static final int LONG_MODE_CS = Gdt.selector(1);
    public static final int LONG_MODE_DS = Gdt.selector(2);

    /**
     * grub-bhyve's 40-byte GDT for its 32-bit Linux entry ({@code bhyve_hostif.c}): null, null,
     * flat 4 GiB code at 0x10 ({@code __BOOT_CS}), flat data at 0x18 ({@code __BOOT_DS}), and an
     * available TSS at 0x20.
     */
    public static final Gdt PROTECTED_MODE_GDT = Gdt.of(0L, 0L, 0x00cf9a000000ffffL, 0x00cf92000000ffffL,
            0x0080890000000000L);
    public static final int PROTECTED_MODE_CS = Gdt.selector(2);
    public static final int PROTECTED_MODE_DS = Gdt.selector(3);
    public static final int PROTECTED_MODE_TR = Gdt.selector(4);
    /** grub-bhyve's hidden TR base and limit (a 104-byte TSS at 0x1000). */
    public static final long PROTECTED_MODE_TSS_BASE = 0x1000;
    public static final long PROTECTED_MODE_TSS_LIMIT = 0x67;

    /**
     * The GDT the Linux boot protocol asks for (Documentation/arch/x86/boot.rst, "64-bit BOOT
     * PROTOCOL"): flat 4 GiB descriptors at {@code __BOOT_CS} (0x10, here a 64-bit code segment)
     * and {@code __BOOT_DS} (0x18).
     */
    public static final Gdt LINUX_LONG_MODE_GDT = Gdt.of(0L, 0L, 0x00af9b000000ffffL, 0x00cf93000000ffffL);

    private static final Register[] DATA_SEGMENTS = {Register.DS, Register.ES, Register.FS, Register.GS, Register.SS};

    private ModeSwitcher() {}

    /**
     * 64-bit long mode as {@code vm_setup_freebsd_registers} ({@code lib/libvmmapi/vmmapi_freebsd.c})
     * sets it and as the seed's listing 3 does: CR0 = PG|PE|NE, CR4 = PAE, EFER = LME|LMA,
     * RFLAGS = 0x2, CS 0x08 (access 0x209B), data segments 0x10 (0x93), TR 0 (0x8b), LDTR
     * unusable, GDTR (gdt, 23).
     *
     * <p>The listing also sets CR4.VMXE. bhyve's own register setup leaves it out, and so does
     * jgrub: VMXE tells the CPU the <em>guest</em> itself will run VMX, which a loaded kernel has not
     * asked for; on a CPU without (nested) VMX, such as QEMU's TCG, setting it even faults.
     */
    public static VcpuState.Builder longMode64(GuestAddress rip, GuestAddress rsp, GuestAddress cr3,
                                               GuestAddress gdtBase) {
        VcpuState.Builder b = VcpuState.builder()
                .segment(Register.CS, Segment.of(LONG_MODE_CS, 0, 0, AccessRights.P | AccessRights.S
                        | AccessRights.TYPE_CODE | AccessRights.TYPE_RW | AccessRights.TYPE_ACCESSED | AccessRights.L));
        for (Register r : DATA_SEGMENTS) {
            b.segment(r, Segment.of(LONG_MODE_DS, 0, 0, AccessRights.P | AccessRights.S | AccessRights.TYPE_RW
                    | AccessRights.TYPE_ACCESSED));
        }
        return b.segment(Register.TR, Segment.of(0, 0, 0, AccessRights.P | AccessRights.TYPE_TSS_BUSY))
                .segment(Register.LDTR, Segment.of(0, 0, 0, AccessRights.UNUSABLE))
                .table(Register.GDTR, new DescriptorTable(gdtBase.value(), LONG_MODE_GDT.limit()))
                .set(Register.CR0, Cr0.PG | Cr0.PE | Cr0.NE)
                .set(Register.CR3, cr3.value())
                .set(Register.CR4, Cr4.PAE)
                .set(Register.EFER, Efer.LMA | Efer.LME)
                .set(Register.RFLAGS, Rflags.RESERVED_1)
                .set(Register.RSP, rsp.value())
                .set(Register.RIP, rip.value());
    }

    /**
     * 64-bit long mode for the Linux 64-bit boot protocol: as {@link #longMode64} but with the
     * protocol's selectors, CS {@code __BOOT_CS} 0x10 (0, 4 GiB, 0xA09B) and DS/ES/FS/GS/SS
     * {@code __BOOT_DS} 0x18 (0, 4 GiB, 0xC093), and GDTR pointing at {@link #LINUX_LONG_MODE_GDT}.
     */
    public static VcpuState.Builder linuxLongMode64(GuestAddress rip, GuestAddress rsp, GuestAddress cr3,
                                                    GuestAddress gdtBase) {
        VcpuState.Builder b = longMode64(rip, rsp, cr3, gdtBase)
                .segment(Register.CS, Segment.of(PROTECTED_MODE_CS, 0, 0xffff_ffffL, AccessRights.G | AccessRights.L
                        | AccessRights.P | AccessRights.S | AccessRights.TYPE_CODE | AccessRights.TYPE_RW
                        | AccessRights.TYPE_ACCESSED))
                .table(Register.GDTR, new DescriptorTable(gdtBase.value(), LINUX_LONG_MODE_GDT.limit()));
        for (Register r : DATA_SEGMENTS) {
            b.segment(r, Segment.of(PROTECTED_MODE_DS, 0, 0xffff_ffffL, AccessRights.G | AccessRights.DB
                    | AccessRights.P | AccessRights.S | AccessRights.TYPE_RW | AccessRights.TYPE_ACCESSED));
        }
        return b;
    }

    /**
     * 32-bit flat protected mode, paging off, as grub-bhyve enters Linux ({@code bhyve_hostif.c}):
     * CR0 = PE, CR4 = 0, RFLAGS = 0x2, CS 0x10 (0, 4 GiB, 0xC09B), DS/ES/FS/GS/SS 0x18 (0xC093),
     * TR 0x20 (0x1000, 0x67, 0x8b), LDTR unusable, GDTR pointing at {@link #PROTECTED_MODE_GDT}.
     * EFER is left alone, as grub-bhyve leaves it.
     */
    public static VcpuState.Builder protectedMode32(GuestAddress eip, GuestAddress gdtBase) {
        VcpuState.Builder b = VcpuState.builder()
                .segment(Register.CS, Segment.of(PROTECTED_MODE_CS, 0, 0xffff_ffffL, AccessRights.G | AccessRights.DB
                        | AccessRights.P | AccessRights.S | AccessRights.TYPE_CODE | AccessRights.TYPE_RW
                        | AccessRights.TYPE_ACCESSED));
        for (Register r : DATA_SEGMENTS) {
            b.segment(r, Segment.of(PROTECTED_MODE_DS, 0, 0xffff_ffffL, AccessRights.G | AccessRights.DB
                    | AccessRights.P | AccessRights.S | AccessRights.TYPE_RW | AccessRights.TYPE_ACCESSED));
        }
        return b.segment(Register.TR, Segment.of(PROTECTED_MODE_TR, PROTECTED_MODE_TSS_BASE, PROTECTED_MODE_TSS_LIMIT,
                        AccessRights.P | AccessRights.TYPE_TSS_BUSY))
                .segment(Register.LDTR, Segment.of(0, 0, 0, AccessRights.UNUSABLE | AccessRights.P | AccessRights.TYPE_LDT))
                .table(Register.GDTR, new DescriptorTable(gdtBase.value(), PROTECTED_MODE_GDT.limit()))
                .set(Register.CR0, Cr0.PE)
                .set(Register.CR4, 0)
                .set(Register.RFLAGS, Rflags.RESERVED_1)
                .set(Register.RIP, eip.value());
    }
}
